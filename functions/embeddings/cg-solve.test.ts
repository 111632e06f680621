import { describe, expect, it } from 'vitest';
import { cgScratch, cgSolveRow } from './cg-solve.js';
import { buildInteractions } from './interactions.js';
import { dot, gram } from './linalg.js';

/** Gaussian elimination with partial pivoting, in float64: the reference the CG solve must match. */
function directSolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const k = m[r]![c]! / m[c]![c]!;
      for (let j = c; j <= n; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let j = r + 1; j < n; j++) s -= m[r]![j]! * x[j]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

describe('cgSolveRow', () => {
  it('matches a direct solve of (YᵀY + λI + Yᵀ(C−I)Y) x = YᵀCp on a tiny system', () => {
    const f = 4, items = 6, lambda = 0.1;
    const Y = Float32Array.from({ length: items * f }, (_, k) => Math.sin(k * 1.7 + 0.3));
    // user 0: items 1 and 4 positive, item 2 a confident negative (p = 0).
    const m = buildInteractions(
      [{ user: 0, item: 1, weight: 1 }, { user: 0, item: 4, weight: 0.25 }, { user: 0, item: 2, weight: -0.5 }],
      { users: 1, items },
      8,
    ).users;
    const A = Array.from({ length: f }, (_, a) => Array.from({ length: f }, (_, b) => (a === b ? lambda : 0)));
    const b = new Array<number>(f).fill(0);
    for (let i = 0; i < items; i++) {
      const e = Array.from(m.indices).indexOf(i);
      const v = e < 0 ? 1 : m.values[e]!;
      const c = Math.abs(v), p = e >= 0 && v > 0 ? 1 : 0;
      for (let a = 0; a < f; a++) {
        b[a]! += c * p * Y[i * f + a]!;
        for (let bb = 0; bb < f; bb++) A[a]![bb]! += c * Y[i * f + a]! * Y[i * f + bb]!;
      }
    }
    const want = directSolve(A, b);
    const X = new Float32Array(f); // cold start at 0; f CG steps solve an f-dim SPD system exactly
    cgSolveRow(m, 0, X, Y, gram(Y, items, f, lambda), f, f + 2, cgScratch(f));
    for (let a = 0; a < f; a++) expect(X[a]).toBeCloseTo(want[a]!, 4);
    // Three steps (the training default) already get close from a cold start on this system.
    const X3 = new Float32Array(f);
    cgSolveRow(m, 0, X3, Y, gram(Y, items, f, lambda), f, 3, cgScratch(f));
    const err = Math.hypot(...Array.from(X3, (v, a) => v - want[a]!)) / Math.hypot(...want);
    expect(err).toBeLessThan(0.2);
  });

  it('dot with four accumulators equals the plain sum, including the tail', () => {
    const a = Float32Array.from({ length: 11 }, (_, k) => k - 3), b = Float32Array.from({ length: 11 }, (_, k) => 2 * k + 1);
    let plain = 0;
    for (let k = 0; k < 7; k++) plain += a[k + 2]! * b[k + 1]!;
    expect(dot(a, 2, b, 1, 7)).toBe(plain);
  });
});
