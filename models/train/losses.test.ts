import { describe, expect, it } from 'vitest';
import { TASKS } from '../ranker/mmoe-weights.js';
import { expectGradClose } from './finite-diff.js';
import { bceWithLogits, DEFAULT_LOSS, huber, multiTaskLoss, type LossConfig } from './losses.js';

const nt = TASKS.length;
const raw = () => TASKS.map((_, t) => Float32Array.from([0.3 - t * 0.2, -1.1 + t * 0.4, 2.2, 0.05 * t]));
// rows: clicked, not clicked, clicked, not clicked — post-click labels of rows 1 and 3 are junk
const labels = Float32Array.from([
  1, 1.5, 1, 0, 1,
  0, 9, 1, 1, 1,
  1, 0.2, 0, 1, 0,
  0, -4, 0, 1, 1,
]);
const rows = 4;
const total = (l: number[]) => l.reduce((a, b) => a + b, 0);

describe('losses', () => {
  it('BCE with logits is stable for large logits and its gradient is σ(z) − y', () => {
    expect(bceWithLogits(100, 0).loss).toBeCloseTo(100, 6);
    expect(bceWithLogits(-100, 1).loss).toBeCloseTo(100, 6);
    expect(bceWithLogits(-800, 0).loss).toBe(0);
    expect(Number.isFinite(bceWithLogits(800, 1).grad)).toBe(true);
    for (const [z, y] of [[0.7, 1], [-2.3, 0], [4, 0.5]] as const) {
      const z32 = Float32Array.of(z);
      expectGradClose(z32, [bceWithLogits(z, y).grad], () => bceWithLogits(z32[0]!, y).loss, { eps: 1e-3, atol: 1e-5 });
    }
  });

  it('Huber is quadratic inside δ and linear outside, with matching gradients', () => {
    expect(huber(0.5, 0, 1).loss).toBeCloseTo(0.125);
    expect(huber(3, 0, 1).loss).toBeCloseTo(2.5);
    for (const p of [0.4, -0.9, 2.5, -3]) {
      const p32 = Float32Array.of(p);
      expectGradClose(p32, [huber(p, 0.1, 1).grad], () => huber(p32[0]!, 0.1, 1).loss, { eps: 1e-3, atol: 1e-5 });
    }
  });

  it('multi-task gradients match finite differences for every head', () => {
    const z = raw(), d = z.map(() => new Float32Array(rows));
    const cfg: LossConfig = { weights: { click: 1, watch: 0.5, like: 2, finish: 1, dislike: 3 }, huberDelta: 1 };
    multiTaskLoss(z, labels, d, rows, 8, cfg);
    const sink = z.map(() => new Float32Array(rows));
    z.forEach((zt, t) => expectGradClose(zt, d[t]!, () => total(multiTaskLoss(z, labels, sink, rows, 8, cfg)), { eps: 1e-3, atol: 1e-5 }));
  });

  it('post-click losses are masked to clicked rows: junk labels on non-clicked rows change nothing', () => {
    const z = raw(), d1 = z.map(() => new Float32Array(rows)), d2 = z.map(() => new Float32Array(rows));
    const l1 = multiTaskLoss(z, labels, d1, rows, rows, DEFAULT_LOSS);
    const other = labels.slice();
    for (const r of [1, 3]) for (let t = 1; t < nt; t++) other[r * nt + t] = 1 - other[r * nt + t]! * 7;
    const l2 = multiTaskLoss(z, other, d2, rows, rows, DEFAULT_LOSS);
    expect(l2).toEqual(l1);
    d1.forEach((g, t) => expect(Array.from(d2[t]!)).toEqual(Array.from(g)));
    for (let t = 1; t < nt; t++) for (const r of [1, 3]) expect(d1[t]![r]).toBe(0);
    // ...while the click head learns from every row, and a clicked row's post-click label matters
    expect(d1[0]![1]).not.toBe(0);
    other[2 * nt + 2] = 1;
    expect(multiTaskLoss(z, other, d2, rows, rows, DEFAULT_LOSS)[2]).not.toBe(l1[2]);
  });

  it('task weights scale each head, and a zero weight silences it', () => {
    const z = raw(), d = z.map(() => new Float32Array(rows)), d2 = z.map(() => new Float32Array(rows));
    const base = multiTaskLoss(z, labels, d, rows, rows, DEFAULT_LOSS);
    const l = multiTaskLoss(z, labels, d2, rows, rows, { ...DEFAULT_LOSS, weights: { ...DEFAULT_LOSS.weights, like: 0, watch: 2 } });
    expect(l[2]).toBe(0);
    expect(d2[2]!.every((v) => v === 0)).toBe(true);
    expect(l[1]).toBeCloseTo(2 * base[1]!, 6);
    expect(d2[1]![0]).toBeCloseTo(2 * d[1]![0]!, 6);
  });
});
