// The ORT adapter inside workerd: a real exported light model runs and agrees with the TypeScript
// forward pass to 1e-5; metadata is readable; corrupt bytes reject promptly and do not poison the runtime.
import { describe, expect, it } from 'vitest';
import { LIGHT_INPUT, LIGHT_LAYOUT_META_KEY, LIGHT_OUTPUT } from '../../models/light-ranker/export-onnx.js';
import { lightForward } from '../../models/light-ranker/forward.js';
import { LIGHT_COLUMNS, LIGHT_DIM, LIGHT_LAYOUT_VERSION } from '../../models/light-ranker/layout.js';
import { seededRng } from '../../models/train/rng.js';
import { fixtureWeights } from './fixtures/light-weights.js';
import { lightModelBytes } from './fixtures/publish-light.js';
import { createOrtSession, readModelMetadata } from './ort.js';

const TOLERANCE = 1e-5;
const randomRows = (batch: number, seed: number) => {
  const rng = seededRng(seed);
  return Float32Array.from({ length: batch * LIGHT_DIM }, () => rng.uniform() * 4 - 1);
};
const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
/** Settles within `ms` or reports that it hung. */
const settleWithin = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then((value) => ({ value }), (error: unknown) => ({ error })), new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms))]);

describe('ORT adapter in workerd', () => {
  it('runs the exported light model and matches lightForward within 1e-5', async () => {
    const session = await createOrtSession(lightModelBytes());
    expect([session.inputNames, session.outputNames]).toEqual([[LIGHT_INPUT], [LIGHT_OUTPUT]]);
    const batch = 97;
    const x = randomRows(batch, 5);
    const out = await session.runFloat(x, batch, LIGHT_DIM);
    const weights = fixtureWeights();
    expect(out).toHaveLength(batch);
    expect(maxAbsDiff(out, lightForward(weights, x, batch))).toBeLessThanOrEqual(TOLERANCE);
    expect(new Set(out).size).toBeGreaterThan(batch / 2); // not saturated: the bound is not vacuous
    // ...and the bound catches a small slip in the weights
    weights.layers.at(-1)!.b[0]! += 1e-3;
    expect(maxAbsDiff(out, lightForward(weights, x, batch))).toBeGreaterThan(TOLERANCE);
    await session.release();
  });

  it('reads the layout version and columns from the model metadata', () => {
    const meta = readModelMetadata(lightModelBytes());
    expect(meta[LIGHT_LAYOUT_META_KEY]).toBe(LIGHT_LAYOUT_VERSION);
    expect(meta['edgefeed.light_columns']!.split(',')).toEqual([...LIGHT_COLUMNS]);
  });

  it('rejects corrupt bytes without hanging, and still loads a good model afterwards', async () => {
    const good = lightModelBytes();
    for (const corrupt of [good.subarray(0, good.length >> 1), new Uint8Array(64).fill(0xff)]) {
      const outcome = await settleWithin(createOrtSession(corrupt), 5_000);
      expect(outcome).not.toBe('hung');
      expect(outcome).toHaveProperty('error');
    }
    const session = await createOrtSession(good);
    const x = randomRows(3, 9);
    expect(maxAbsDiff(await session.runFloat(x, 3, LIGHT_DIM), lightForward(fixtureWeights(), x, 3))).toBeLessThanOrEqual(TOLERANCE);
    await session.release();
  });

  it('rejects an output name the model does not have', async () => {
    const session = await createOrtSession(lightModelBytes());
    await expect(session.runFloat(randomRows(2, 1), 2, LIGHT_DIM, 'nope')).rejects.toThrow(/'nope' is missing/);
    await session.release();
  });
});
