// Multi-task losses of the MMoE: click BCE on every impression; watch (Huber on log(1+s)), like,
// finish and dislike only on clicked rows — a post-click label on a non-clicked row is never read.
import { TASKS, TASK_OUTPUT, type Task } from '../ranker/mmoe-weights.js';

export type LossConfig = {
  /** Multiplies each task's loss (and so its gradient). */
  weights: Record<Task, number>;
  /** Huber transition point, in units of log(1+watch_time_sec). */
  huberDelta: number;
};

export const DEFAULT_LOSS: LossConfig = { weights: { click: 1, watch: 1, like: 1, finish: 1, dislike: 1 }, huberDelta: 1 };

/** Stable BCE with logits: max(z,0) − z·y + log(1+e^−|z|); gradient σ(z) − y. */
export function bceWithLogits(z: number, y: number): { loss: number; grad: number } {
  const loss = Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
  const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  return { loss, grad: s - y };
}

/** Huber: ½r² inside |r| ≤ δ, δ(|r| − ½δ) outside; r = prediction − label. */
export function huber(pred: number, y: number, delta: number): { loss: number; grad: number } {
  const r = pred - y;
  if (Math.abs(r) <= delta) return { loss: 0.5 * r * r, grad: r };
  return { loss: delta * (Math.abs(r) - 0.5 * delta), grad: delta * Math.sign(r) };
}

const CLICK = TASKS.indexOf('click');

/**
 * Loss of `rows` samples and its gradient w.r.t. each head's raw output, written into dRaw[t].
 * labels are [rows × TASKS.length] in TASKS order (watch already as log(1+s)). Every term is divided
 * by `normalizer` (the whole batch size) so shards' gradients simply add up. Returns Σ loss per task.
 */
export function multiTaskLoss(
  raw: Float32Array[], labels: Float32Array, dRaw: Float32Array[], rows: number, normalizer: number, cfg: LossConfig,
): number[] {
  const nt = TASKS.length;
  const sums = new Array<number>(nt).fill(0);
  for (let t = 0; t < nt; t++) {
    const task = TASKS[t]!, z = raw[t]!, d = dRaw[t]!, w = cfg.weights[task] / normalizer;
    const masked = t !== CLICK;
    for (let i = 0; i < rows; i++) {
      if (masked && labels[i * nt + CLICK]! !== 1) {
        d[i] = 0;
        continue;
      }
      const y = labels[i * nt + t]!;
      const r = TASK_OUTPUT[task] === 'identity' ? huber(z[i]!, y, cfg.huberDelta) : bceWithLogits(z[i]!, y);
      sums[t]! += r.loss * w;
      d[i] = r.grad * w;
    }
  }
  return sums;
}
