// Parity: exported bytes run in real onnxruntime-web (wasm, Node) and agree with lightForward ≤ 1e-5.
import { describe, expect, it } from 'vitest';
import { decodeModel, modelMetadata } from '../onnx/model.js';
import { createOrtSession, floatTensor, runFloat } from '../ranker/ort-node.js';
import { seededRng } from '../train/rng.js';
import { LightLayoutMismatchError } from './errors.js';
import { exportLight, LIGHT_INPUT, LIGHT_LAYOUT_META_KEY, LIGHT_OUTPUT } from './export-onnx.js';
import { lightForward } from './forward.js';
import { LIGHT_COLUMNS, LIGHT_DIM, LIGHT_LAYOUT_VERSION } from './layout.js';
import type { LightWeights } from './weights.js';

function randomWeights(hidden: number[], seed: number): LightWeights {
  const rng = seededRng(seed);
  const widths = [LIGHT_DIM, ...hidden, 1];
  const layers = widths.slice(1).map((outDim, l) => {
    const inDim = widths[l]!;
    return { inDim, outDim, W: Float32Array.from({ length: inDim * outDim }, () => rng.normal() / Math.sqrt(inDim)), b: Float32Array.from({ length: outDim }, () => rng.normal() * 0.3) };
  });
  return { layout: LIGHT_LAYOUT_VERSION, layers };
}
const inputs = (batch: number, seed: number) => {
  const rng = seededRng(seed);
  return Float32Array.from({ length: batch * LIGHT_DIM }, () => rng.uniform() * 4 - 1);
};
const TOLERANCE = 1e-5;

describe('exportLight → onnxruntime-web', () => {
  it.each([
    ['one hidden layer of 16', [16]],
    ['logistic', []],
    ['two hidden layers', [8, 4]],
  ])('%s: score matches the TS forward within 1e-5', async (_label, hidden) => {
    const w = randomWeights(hidden, 11);
    const batch = 97;
    const x = inputs(batch, 5);
    const session = await createOrtSession(exportLight(w, { modelVersion: 'l1' }));
    expect([session.inputNames, session.outputNames]).toEqual([[LIGHT_INPUT], [LIGHT_OUTPUT]]);
    const { score } = await runFloat(session, { x: floatTensor(x, [batch, LIGHT_DIM]) });
    const ref = lightForward(w, x, batch);
    expect(score).toHaveLength(batch);
    const diff = (a: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - score![i]!)), 0);
    expect(diff(ref)).toBeLessThanOrEqual(TOLERANCE);
    expect(new Set(score).size).toBeGreaterThan(batch / 2); // not a saturated, vacuous pass
    // ...and the bound catches a small slip: nudge the output bias by 1e-3
    w.layers.at(-1)!.b[0]! += 1e-3;
    expect(diff(lightForward(w, x, batch))).toBeGreaterThan(TOLERANCE);
    await session.release();
  });

  it('carries the layout version and columns; rejects weights of another layout or width', () => {
    const w = randomWeights([16], 1);
    const model = decodeModel(exportLight(w, { modelVersion: 'l7' }));
    const meta = modelMetadata(model);
    expect(model.producerVersion).toBe('l7');
    expect(meta[LIGHT_LAYOUT_META_KEY]).toBe(LIGHT_LAYOUT_VERSION);
    expect(meta['edgefeed.light_columns']!.split(',')).toEqual([...LIGHT_COLUMNS]);
    expect(() => exportLight({ ...w, layout: 'light-v0' })).toThrow(LightLayoutMismatchError);
    const narrow = randomWeights([16], 1);
    narrow.layers[0]!.inDim = LIGHT_DIM - 1;
    expect(() => exportLight(narrow)).toThrow(LightLayoutMismatchError);
  });
});
