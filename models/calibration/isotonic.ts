// Isotonic regression by pool-adjacent-violators: the best non-decreasing step fit of labels on
// scores. Stored as block knots (mean score, mean label) and applied by linear interpolation between
// knots, clamped at the ends, so the map stays monotone. Hand-written: PAV is a 20-line stack loop.
import { z } from 'zod';
import { CalibrationDataError } from './errors.js';

export const IsotonicSchema = z
  .object({ kind: z.literal('isotonic'), x: z.array(z.number()).min(1), y: z.array(z.number().min(0).max(1)).min(1) })
  .refine((c) => c.x.length === c.y.length, { message: 'x and y differ in length' });
export type Isotonic = z.infer<typeof IsotonicSchema>;

export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): Isotonic {
  const n = scores.length;
  if (n !== labels.length || n === 0) throw new CalibrationDataError(`need equal, non-empty slices (${n} vs ${labels.length})`);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[i]! - scores[j]!);
  // Blocks on a stack: sums of score, label and count; merge while the previous mean is not lower.
  const sx: number[] = [];
  const sy: number[] = [];
  const w: number[] = [];
  let last = NaN;
  for (const i of order) {
    const k0 = w.length - 1;
    // Equal scores start in one block, so no two knots share an x.
    if (scores[i] === last) sx[k0]! += scores[i]!, (sy[k0]! += labels[i]!), (w[k0]! += 1);
    else sx.push(scores[i]!), sy.push(labels[i]!), w.push(1);
    last = scores[i]!;
    while (w.length > 1) {
      const k = w.length - 1;
      if (sy[k - 1]! / w[k - 1]! < sy[k]! / w[k]!) break;
      sx[k - 1]! += sx[k]!, (sy[k - 1]! += sy[k]!), (w[k - 1]! += w[k]!);
      sx.pop(), sy.pop(), w.pop();
    }
  }
  return { kind: 'isotonic', x: sx.map((s, k) => s / w[k]!), y: sy.map((s, k) => s / w[k]!) };
}

export function applyIsotonic(c: Isotonic, score: number): number {
  const { x, y } = c;
  if (score <= x[0]!) return y[0]!;
  if (score >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= score) lo = mid;
    else hi = mid;
  }
  const t = (score - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}
