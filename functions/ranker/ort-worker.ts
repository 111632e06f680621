// A worker thread that scores feature rows with the heavy ranker, so a central job can build the next
// batch's rows while this one is scored (the two halves of heavy ranking overlap on two cores). It
// runs the staged weights on the training core's WASM kernels when a build has them (faster per row
// than onnxruntime-web, and the same function: the export is checked against it), else the ONNX file.
import { parentPort, workerData } from 'node:worker_threads';
import { sigmoid } from '../../models/calibration/logit.js';
import { TASK_OUTPUT } from '../../models/ranker/mmoe-weights.js';
import { createOrtSession, runMmoe } from '../../models/ranker/ort-node.js';
import { createTrainer } from '../../models/train/trainer.js';
import { decodeMmoeWeights } from './weights-file.js';

type Request = { id: number; dense: Float32Array; ids: Int32Array; batch: number };
type Init = { onnx: Uint8Array; weights?: Uint8Array };
const BATCH_ROWS = 2048;

async function scorer(init: Init): Promise<(r: Request) => Promise<Float32Array>> {
  if (!init.weights) {
    const session = await createOrtSession(init.onnx);
    return async (r) => (await runMmoe(session, r)).preds;
  }
  const w = decodeMmoeWeights(init.weights);
  const c = w.config;
  const T = c.tasks.length;
  const one = { n: 1, dense: new Float32Array(c.denseDim), ids: new Int32Array(c.embeddings.length), labels: new Float32Array(T) };
  const trainer = await createTrainer({ config: c, backend: 'wasm', workers: 0, batchSize: BATCH_ROWS, seed: 0 }, one);
  trainer.load(w);
  const outputs = c.tasks.map((t) => TASK_OUTPUT[t]);
  return async (r) => {
    const raw = trainer.predict({ n: r.batch, dense: r.dense, ids: r.ids, labels: new Float32Array(r.batch * T) });
    const preds = new Float32Array(r.batch * T);
    raw.forEach((col, t) => {
      const squash = outputs[t] === 'sigmoid';
      for (let i = 0; i < r.batch; i++) preds[i * T + t] = squash ? sigmoid(col[i]!) : col[i]!;
    });
    return preds;
  };
}

const score = await scorer(workerData as Init);
parentPort!.on('message', (r: Request) => {
  score(r).then(
    (preds) => parentPort!.postMessage({ id: r.id, preds }, [preds.buffer as ArrayBuffer]),
    (err: unknown) => parentPort!.postMessage({ id: r.id, error: String(err) }),
  );
});
parentPort!.postMessage({ ready: true });
