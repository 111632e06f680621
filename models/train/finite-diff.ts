// Test support: finite differences of a scalar loss against analytic gradients. The loss is summed in
// float64 from float32 activations, so tolerances are set for float32 forward noise.
import { expect } from 'vitest';

export type GradCheck = { eps?: number; atol?: number; rtol?: number; indices?: number[]; maxKinkShare?: number };

/**
 * Perturbs `param[i]` by ±eps and expects the central difference ≈ analytic[i]. Where the step
 * crosses a ReLU kink the one-sided slopes differ; there the analytic value must lie between them
 * (a valid subgradient), and such kinks may be at most `maxKinkShare` of the checked entries.
 */
export function expectGradClose(param: Float32Array, analytic: ArrayLike<number>, loss: () => number, o: GradCheck = {}) {
  const eps = o.eps ?? 1e-2, atol = o.atol ?? 1e-3, rtol = o.rtol ?? 1e-2;
  const indices = o.indices ?? Array.from({ length: param.length }, (_, i) => i);
  let worst = 0, kinks = 0;
  const base = loss();
  for (const i of indices) {
    const keep = param[i]!;
    param[i] = keep + eps;
    const up = loss();
    param[i] = keep - eps;
    const down = loss();
    param[i] = keep;
    const exact = analytic[i]!, tol = atol + rtol * Math.abs(exact);
    const err = Math.abs((up - down) / (2 * eps) - exact);
    if (err <= tol) {
      worst = Math.max(worst, err);
      continue;
    }
    const right = (up - base) / eps, left = (base - down) / eps;
    if (Math.abs(right - left) > tol && exact >= Math.min(left, right) - tol && exact <= Math.max(left, right) + tol) {
      kinks++;
      continue;
    }
    expect.fail(`gradient[${i}]: analytic ${exact}, numeric ${(up - down) / (2 * eps)} (left ${left}, right ${right})`);
  }
  expect(kinks).toBeLessThanOrEqual(Math.ceil(indices.length * (o.maxKinkShare ?? 0)));
  return { worst, kinks };
}

/** Σ r ⊙ y in float64: a scalar loss whose gradient w.r.t. y is exactly r. */
export const dotLoss = (y: ArrayLike<number>, r: ArrayLike<number>, n = y.length) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += y[i]! * r[i]!;
  return s;
};
