// MMoE scoring cost: the exported ONNX model in onnxruntime-web (wasm, 1 thread) against the plain-TS
// reference forward pass, same weights and rows, in one run. `npx tsx scripts/bench/onnx-mmoe.ts [runs]`.
import { pathToFileURL } from 'node:url';
import { exportMmoe } from '../../models/ranker/export-onnx.js';
import { maxAbsDiff, SPEC_CONFIG, seededInputs } from '../../models/ranker/fixtures.js';
import { mmoeForward } from '../../models/ranker/forward.js';
import { createOrtSession, runMmoe } from '../../models/ranker/ort-node.js';
import { randomMmoeWeights } from '../../models/ranker/random-weights.js';
import { repeat } from './stats.js';

const WARMUP_RUNS = 3;

export async function benchOnnxMmoe(runs = 7, rows = 1000, chunkRows = 100) {
  const weights = randomMmoeWeights(SPEC_CONFIG, 42);
  const input = seededInputs(SPEC_CONFIG, rows, 43);
  const chunks = Array.from({ length: rows / chunkRows }, (_, k) => seededInputs(SPEC_CONFIG, chunkRows, 100 + k));

  let t = performance.now();
  const bytes = exportMmoe(weights, { featureSpecVersion: 'bench' });
  const exportMs = performance.now() - t;
  t = performance.now();
  const session = await createOrtSession(bytes);
  const sessionCreateMs = performance.now() - t;

  const timed = (fn: () => Promise<unknown> | unknown) => async () => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  const ortOne = timed(() => runMmoe(session, input));
  const tsOne = timed(() => mmoeForward(weights, input));
  const ortChunks = timed(async () => { for (const c of chunks) await runMmoe(session, c); });
  const tsChunks = timed(() => chunks.forEach((c) => mmoeForward(weights, c)));
  for (let i = 0; i < WARMUP_RUNS; i++) await Promise.all([ortOne(), tsOne()]);

  const ort = await repeat(runs, ortOne);
  const ts = await repeat(runs, tsOne);
  const ortChunked = await repeat(runs, ortChunks);
  const tsChunked = await repeat(runs, tsChunks);
  const parity = maxAbsDiff((await runMmoe(session, input)).preds, mmoeForward(weights, input).preds);
  await session.release();

  return {
    config: { ...SPEC_CONFIG, embeddings: SPEC_CONFIG.embeddings.map((e) => `${e.name}:${e.buckets}x${e.dim}`) },
    rows,
    model_bytes: bytes.length,
    export_ms: exportMs,
    session_create_ms: sessionCreateMs,
    max_abs_diff_ort_vs_ts: parity,
    [`one_batch_of_${rows}`]: { ort_ms_median: ort.median, ts_ms_median: ts.median, ort_runs: ort.runs, ts_runs: ts.runs },
    [`${rows / chunkRows}_batches_of_${chunkRows}`]: { ort_ms_median: ortChunked.median, ts_ms_median: tsChunked.median },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchOnnxMmoe(Number(process.argv[2] ?? 7)), null, 2));
}
