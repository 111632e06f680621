import { describe, expect, it } from 'vitest';
import { dotLoss, expectGradClose } from '../../models/train/finite-diff.js';
import { seededRng } from '../../models/train/rng.js';
import { l2normBackward, l2normForward } from './l2norm.js';

describe('l2norm', () => {
  const rng = seededRng(5), rows = 3, d = 4;
  const z = Float32Array.from({ length: rows * d }, () => rng.normal());
  const y = new Float32Array(rows * d), norms = new Float32Array(rows);

  it('gives unit rows pointing the same way', () => {
    l2normForward(z, y, norms, rows, d);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += y[i * d + k]! ** 2;
      expect(s).toBeCloseTo(1, 5);
      expect(y[i * d]! * norms[i]!).toBeCloseTo(z[i * d]!, 5);
    }
  });

  it('backward matches finite differences', () => {
    const r = Float32Array.from({ length: rows * d }, () => rng.normal());
    const loss = () => (l2normForward(z, y, norms, rows, d), dotLoss(y, r));
    loss();
    const dz = new Float32Array(rows * d);
    l2normBackward(y, norms, r, dz, rows, d);
    expectGradClose(z, dz, loss, { eps: 1e-3 });
  });
});
