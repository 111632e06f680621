// Expected calibration error and reliability-curve points. Default: 15 equal-width bins over [0, 1]
// (the usual reporting choice); 'mass' uses equal-count bins, steadier when predictions bunch near 0
// as click rates do. ECE = Σ_b (n_b / N) · |mean prediction_b − positive rate_b|.
import { CalibrationDataError } from './errors.js';

export type BinStrategy = 'width' | 'mass';
export type ReliabilityPoint = { lo: number; hi: number; count: number; meanPred: number; fracPos: number };
export type EceResult = { ece: number; bins: number; strategy: BinStrategy; points: ReliabilityPoint[] };

export function ece(preds: ArrayLike<number>, labels: ArrayLike<number>, opts: { bins?: number; strategy?: BinStrategy } = {}): EceResult {
  const { bins = 15, strategy = 'width' } = opts;
  const n = preds.length;
  if (n !== labels.length || n === 0) throw new CalibrationDataError(`need equal, non-empty slices (${n} vs ${labels.length})`);
  const binOf = new Int32Array(n);
  if (strategy === 'width') {
    for (let i = 0; i < n; i++) binOf[i] = Math.min(bins - 1, Math.max(0, Math.floor(preds[i]! * bins)));
  } else {
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => preds[i]! - preds[j]!);
    order.forEach((i, rank) => (binOf[i] = Math.min(bins - 1, Math.floor((rank * bins) / n))));
  }
  const cnt = new Float64Array(bins);
  const sp = new Float64Array(bins);
  const sy = new Float64Array(bins);
  const lo = new Float64Array(bins).fill(Infinity);
  const hi = new Float64Array(bins).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const b = binOf[i]!;
    const p = preds[i]!;
    cnt[b]!++, (sp[b]! += p), (sy[b]! += labels[i]!);
    lo[b] = Math.min(lo[b]!, p);
    hi[b] = Math.max(hi[b]!, p);
  }
  let e = 0;
  const points: ReliabilityPoint[] = [];
  for (let b = 0; b < bins; b++) {
    const c = cnt[b]!;
    if (c === 0) continue;
    const meanPred = sp[b]! / c;
    const fracPos = sy[b]! / c;
    e += (c / n) * Math.abs(meanPred - fracPos);
    // Equal-width bins report their nominal edges; equal-mass bins the range of predictions they hold.
    points.push(strategy === 'width' ? { lo: b / bins, hi: (b + 1) / bins, count: c, meanPred, fracPos } : { lo: lo[b]!, hi: hi[b]!, count: c, meanPred, fracPos });
  }
  return { ece: e, bins, strategy, points };
}
