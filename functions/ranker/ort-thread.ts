// The calling side of ort-worker.ts: `run` has the shape of runMmoe but scores on another thread.
// `weights` (ranker-weights.bin) selects the training core's kernels; without it the ONNX file runs.
import { spawnWorker } from '../../models/train/worker-loader.js';

export type OrtThread = {
  run(input: { dense: Float32Array; ids: Int32Array; batch: number }): Promise<{ preds: Float32Array }>;
  close(): Promise<void>;
};

export async function startOrtThread(onnx: Uint8Array, weights?: Uint8Array): Promise<OrtThread> {
  const worker = spawnWorker(new URL('./ort-worker.ts', import.meta.url), { onnx, weights });
  const pending = new Map<number, { resolve: (p: { preds: Float32Array }) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  });
  worker.on('message', (m: { id: number; preds?: Float32Array; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error || !m.preds) p?.reject(new Error(`ONNX scoring failed: ${m.error}`));
    else p?.resolve({ preds: m.preds });
  });
  worker.on('error', fail);
  worker.on('exit', (code) => code !== 0 && fail(new Error(`ONNX worker exited with ${code}`)));
  return {
    run(input) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, ...input });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
