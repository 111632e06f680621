// The light ranker's cost per 1000 candidates, side by side in one run: the exported ONNX model in
// onnxruntime-web (WASM, as the edge runs it) against a plain TypeScript loop over the same weights
// (models/light-ranker/forward.ts). Medians of `runs` × 50 calls each; the ratio says what the WASM
// runtime buys for a model this small.
import { LIGHT_DIM } from '../../models/light-ranker/layout.js';
import { exportLight } from '../../models/light-ranker/export-onnx.js';
import { lightForward } from '../../models/light-ranker/forward.js';
import { createOrtSession, floatTensor, runFloat } from '../../models/ranker/ort-node.js';
import { seededRng } from '../../models/train/rng.js';
import { fixtureWeights } from '../../worker/rankers/fixtures/light-weights.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export async function benchLightRanker(runs: number, rows = 1000) {
  const weights = fixtureWeights();
  const onnx = exportLight(weights, { modelVersion: 'bench' });
  const rng = seededRng(7);
  const x = Float32Array.from({ length: rows * LIGHT_DIM }, () => rng.normal());
  const session = await createOrtSession(onnx);
  try {
    const ort = async () => (await runFloat(session, { x: floatTensor(x, [rows, LIGHT_DIM]) })).score!;
    const ts = () => lightForward(weights, x, rows);
    const maxDiff = (await ort()).reduce((m, v, i) => Math.max(m, Math.abs(v - ts()[i]!)), 0);
    const perCall = async (f: () => unknown) => {
      for (let i = 0; i < 20; i++) await f(); // warm-up (JIT, WASM tier-up)
      const t = performance.now();
      for (let i = 0; i < 50; i++) await f();
      return (performance.now() - t) / 50;
    };
    const ortMs: number[] = [];
    const tsMs: number[] = [];
    // Interleaved, so both see the same machine state.
    for (let r = 0; r < runs; r++) {
      ortMs.push(await perCall(ort));
      tsMs.push(await perCall(ts));
    }
    return {
      rows,
      dims: LIGHT_DIM,
      hidden: weights.layers.slice(0, -1).map((l) => l.outDim),
      runs,
      onnxruntime_web_ms_per_1000: round(median(ortMs) * (1000 / rows)),
      typescript_loop_ms_per_1000: round(median(tsMs) * (1000 / rows)),
      ratio_typescript_over_onnxruntime: round(median(tsMs) / median(ortMs), 2),
      max_abs_diff: maxDiff,
    };
  } finally {
    await session.release();
  }
}
