import { describe, expect, it } from 'vitest';
import { trainAls } from './als.js';
import { InteractionIndexError } from './errors.js';
import { foldInUsers, selectRows } from './fold-in.js';
import { buildInteractions } from './interactions.js';
import { splitHoldout, syntheticInteractions } from './synthetic-interactions.js';

const users = 600, items = 300, f = 16;
const { train } = splitHoldout(syntheticInteractions({ users, items, clusters: 8, perUser: 20, noise: 0.1, seed: 3 }), 0.25);
const m = buildInteractions(train, { users, items });
const opts = { factors: f, iterations: 6, regularization: 0.01, cgSteps: 3, seed: 1 };
// The last user step of a 6-iteration run solves against the items of the 5-iteration run.
const full = trainAls(m, opts);
const before = trainAls(m, { ...opts, iterations: 5 });
const ids = [0, 7, 123, 599];
const rowsOf = (t: Float32Array) => Float32Array.from(ids.flatMap((u) => Array.from(t.subarray(u * f, u * f + f))));
const relErr = (got: Float32Array, want: Float32Array, k: number) => {
  let e = 0, n = 0;
  for (let j = 0; j < f; j++) (e += (got[k * f + j]! - want[k * f + j]!) ** 2), (n += want[k * f + j]! ** 2);
  return Math.sqrt(e / n);
};

describe('foldInUsers', () => {
  const sub = selectRows(m.users, ids);

  it('warm-started with the same CG steps, it reproduces the full solve’s last user step exactly', () => {
    const got = foldInUsers(sub, before.itemFactors, { factors: f, regularization: 0.01, cgSteps: 3, init: rowsOf(before.userFactors) });
    expect(Array.from(got)).toEqual(Array.from(rowsOf(full.userFactors)));
  });

  it('from a cold start it lands near the trained vectors; a single CG step does not', () => {
    const want = rowsOf(full.userFactors);
    const cold = foldInUsers(sub, before.itemFactors, { factors: f, regularization: 0.01 });
    for (let k = 0; k < ids.length; k++) expect(relErr(cold, want, k)).toBeLessThan(0.03);
    const short = foldInUsers(sub, before.itemFactors, { factors: f, regularization: 0.01, cgSteps: 1 });
    expect(Math.max(...ids.map((_, k) => relErr(short, want, k)))).toBeGreaterThan(0.05);
  });

  it('selectRows keeps the chosen rows in order and rejects unknown rows and mismatched item tables', () => {
    expect(sub.rows).toBe(ids.length);
    expect(Array.from(sub.indices.subarray(sub.indptr[1]!, sub.indptr[2]!))).toEqual(Array.from(m.users.indices.subarray(m.users.indptr[7]!, m.users.indptr[8]!)));
    expect(() => selectRows(m.users, [users])).toThrow(InteractionIndexError);
    expect(() => foldInUsers(sub, new Float32Array(10 * f), { factors: f, regularization: 0.01 })).toThrow(InteractionIndexError);
  });
});
