// Platt scaling: p = sigmoid(a · logit(score) + b), fitted by Newton's method on the log-loss.
// Hand-written: two parameters, a 2×2 Hessian solved in closed form, about ten iterations; no
// installed package does logistic regression.
import { z } from 'zod';
import { CalibrationDataError } from './errors.js';
import { logit, sigmoid } from './logit.js';

export const PlattSchema = z.object({ kind: z.literal('platt'), a: z.number(), b: z.number() });
export type Platt = z.infer<typeof PlattSchema>;

export type PlattOptions = { maxIter?: number; tol?: number; /** L2 on a and b, keeps separable slices finite. */ ridge?: number };

const nll = (xs: Float64Array, ys: ArrayLike<number>, a: number, b: number, ridge: number) => {
  let s = 0.5 * ridge * (a * a + b * b);
  for (let i = 0; i < xs.length; i++) {
    const zi = a * xs[i]! + b;
    // log(1 + e^z) - y·z, stable for large |z|
    s += Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - ys[i]! * zi;
  }
  return s;
};

/** Fits on held-out (score in (0,1), label in {0,1}) pairs. */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, opts: PlattOptions = {}): Platt {
  const { maxIter = 50, tol = 1e-10, ridge = 1e-6 } = opts;
  if (scores.length !== labels.length || scores.length === 0) throw new CalibrationDataError(`need equal, non-empty slices (${scores.length} vs ${labels.length})`);
  const xs = Float64Array.from(scores as ArrayLike<number>, logit);
  let a = 1;
  let b = 0;
  let f = nll(xs, labels, a, b, ridge);
  for (let it = 0; it < maxIter; it++) {
    let ga = ridge * a, gb = ridge * b, haa = ridge, hab = 0, hbb = ridge;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const p = sigmoid(a * x + b);
      const r = p - labels[i]!;
      const w = p * (1 - p);
      ga += r * x, gb += r, (haa += w * x * x), (hab += w * x), (hbb += w);
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    // Backtracking: Newton's full step can overshoot far from the optimum.
    let step = 1;
    let next = nll(xs, labels, a - da, b - db, ridge);
    while (next > f && step > 1e-6) (step /= 2), (next = nll(xs, labels, a - step * da, b - step * db, ridge));
    (da *= step), (db *= step);
    a -= da;
    b -= db;
    const done = Math.abs(f - next) <= tol * Math.max(1, Math.abs(f));
    f = next;
    if (done) break;
  }
  return { kind: 'platt', a, b };
}

export const applyPlatt = (c: Platt, score: number) => sigmoid(c.a * logit(score) + c.b);
