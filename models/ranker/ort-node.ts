// The one file in models/ that imports onnxruntime-web: runs exported MMoE bytes in Node (central
// scoring, parity tests, benchmarks). In Node 20 the package's "node" export resolves to
// dist/ort.node.min.mjs, which finds ort-wasm-simd-threaded.{mjs,wasm} beside itself, so no
// env.wasm.wasmPaths is needed. numThreads = 1: no worker_threads pool (which would keep test
// processes alive and fight other jobs for our two cores) and a deterministic summation order.
import * as ort from 'onnxruntime-web';
import { MMOE_INPUT_DENSE, MMOE_INPUT_IDS, MMOE_OUTPUT_GATES, MMOE_OUTPUT_PREDS } from './export-onnx.js';

ort.env.wasm.numThreads = 1;

export type OrtSession = ort.InferenceSession;

export function createOrtSession(bytes: Uint8Array): Promise<OrtSession> {
  return ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
}

export const floatTensor = (data: Float32Array, dims: readonly number[]) => new ort.Tensor('float32', data, dims);

/** The exported graph takes int64 ids; Int32Array input is widened here. */
export const int64Tensor = (data: Int32Array | BigInt64Array, dims: readonly number[]) =>
  new ort.Tensor('int64', data instanceof BigInt64Array ? data : BigInt64Array.from(data, (v) => BigInt(v)), dims);

/** Runs any session; returns each output's data as Float32Array (all our outputs are float32). */
export async function runFloat(
  session: OrtSession,
  feeds: Record<string, ort.Tensor>,
): Promise<Record<string, Float32Array>> {
  const out = await session.run(feeds);
  return Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.data as Float32Array]));
}

/** Scores one batch with an exported MMoE: [B × denseDim] dense, [B × slots] ids → [B × tasks]. */
export async function runMmoe(
  session: OrtSession,
  input: { dense: Float32Array; ids: Int32Array | BigInt64Array; batch: number },
): Promise<{ preds: Float32Array; gates?: Float32Array }> {
  const { dense, ids, batch } = input;
  const out = await runFloat(session, {
    [MMOE_INPUT_DENSE]: floatTensor(dense, [batch, dense.length / batch]),
    [MMOE_INPUT_IDS]: int64Tensor(ids, [batch, ids.length / batch]),
  });
  const preds = out[MMOE_OUTPUT_PREDS]!;
  const gates = out[MMOE_OUTPUT_GATES];
  return gates ? { preds, gates } : { preds };
}
