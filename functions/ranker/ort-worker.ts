// A worker thread that runs an exported MMoE in onnxruntime-web, so a central job can build the next
// batch's feature rows while this one is scored (the two halves of heavy ranking overlap on two cores).
import { parentPort, workerData } from 'node:worker_threads';
import { createOrtSession, runMmoe } from '../../models/ranker/ort-node.js';

type Request = { id: number; dense: Float32Array; ids: Int32Array; batch: number };

const session = await createOrtSession(workerData as Uint8Array);
parentPort!.on('message', (r: Request) => {
  runMmoe(session, r).then(
    ({ preds }) => parentPort!.postMessage({ id: r.id, preds }, [preds.buffer as ArrayBuffer]),
    (err: unknown) => parentPort!.postMessage({ id: r.id, error: String(err) }),
  );
});
parentPort!.postMessage({ ready: true });
