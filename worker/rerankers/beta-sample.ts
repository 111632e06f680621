// Seeded Beta draws for Thompson sampling: Beta(α, β) = X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β),
// each Gamma drawn by Marsaglia–Tsang (2000). Hand-written because no dependency of the project does
// seeded Beta sampling; d3-random's randomBeta.source(uniform) would, and could replace this file.
import type { Uniform } from './seeded-random.js';

/** One standard normal draw (Box–Muller; `u` never returns 0, so the log is finite). */
export function normalSample(u: Uniform): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, scale 1), shape > 0. */
export function gammaSample(u: Uniform, shape: number): number {
  // Below 1, Marsaglia–Tsang's boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
  if (shape < 1) return gammaSample(u, shape + 1) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalSample(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(alpha, beta), both > 0. */
export function betaSample(u: Uniform, alpha: number, beta: number): number {
  const x = gammaSample(u, alpha);
  const y = gammaSample(u, beta);
  // Both can underflow to 0 for tiny shapes; the mean is then the honest answer.
  return x + y > 0 ? x / (x + y) : alpha / (alpha + beta);
}
