import { describe, expect, it } from 'vitest';
import { dot, gram, matVec } from './linalg.js';

const table = (n: number, seed: number) => Float32Array.from({ length: n }, (_, k) => Math.sin(k * 1.3 + seed) * (1 + (k % 5)));

describe('linalg kernels', () => {
  it('matVec with four-row blocks equals the row-by-row sum, including rows past the last block', () => {
    for (const f of [4, 6, 7, 16]) {
      const m = table(f * f, 1), v = table(f, 2), out = new Float32Array(f);
      matVec(m, v, out, f);
      for (let a = 0; a < f; a++) {
        let plain = 0;
        for (let k = 0; k < f; k++) plain += m[a * f + k]! * v[k]!;
        expect(out[a]).toBeCloseTo(plain, 4);
      }
    }
  });

  it('gram with four-row blocks equals FᵀF + ridge·I for row counts that are not a multiple of four', () => {
    const f = 5;
    for (const rows of [1, 4, 9]) {
      const t = table(rows * f, 3), g = gram(t, rows, f, 0.5);
      for (let a = 0; a < f; a++)
        for (let b = 0; b < f; b++) {
          let plain = a === b ? 0.5 : 0;
          for (let r = 0; r < rows; r++) plain += t[r * f + a]! * t[r * f + b]!;
          expect(g[a * f + b]).toBeCloseTo(plain, 4);
        }
    }
  });

  it('dot with four accumulators equals the plain sum, including the tail', () => {
    const a = table(11, 4), b = table(11, 5);
    let plain = 0;
    for (let k = 0; k < 7; k++) plain += a[k + 2]! * b[k + 1]!;
    expect(dot(a, 2, b, 1, 7)).toBeCloseTo(plain, 10);
  });
});
