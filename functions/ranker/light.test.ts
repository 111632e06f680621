// The light ranker learns what the heavy score cannot know: a seeded toy world where clicks depend on
// the heavy click prediction AND on the session (same category as recent watches, skips this session).
import { describe, expect, it } from 'vitest';
import { TASKS } from '../../models/candidates.js';
import { CONTEXT_DIM, contextInputs } from '../../models/light-ranker/layout.js';
import type { SessionView } from '../../models/light-ranker/session.js';
import { seededRng } from '../../models/train/rng.js';
import { heavyPredsMatrix, trainLightRanker, type LightRows } from './light.js';

const T0 = 1_800_000_000_000;
const CATS = ['music', 'news', 'sports', 'comedy'];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function toyRows(n: number, seed: number): LightRows {
  const rng = seededRng(seed);
  const preds = new Float32Array(n * TASKS.length), context = new Float32Array(n * CONTEXT_DIM), clicks = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal() - 1; // what the heavy model knows
    preds.set([sigmoid(a), rng.uniform() * 0.8, rng.uniform() * 0.2, rng.uniform() * 0.5, rng.uniform() * 0.05], i * TASKS.length);
    const recent = Array.from({ length: rng.int(4) }, (_, k) => ({ category: CATS[rng.int(4)]!, creator_id: `c${rng.int(9)}`, ts: T0 - (k + 1) * 60_000 }));
    const session: SessionView = { recent, sessionSkips: rng.int(6), sessionWatches: rng.int(5), sinceLastVisitMs: rng.uniform() * 86_400_000, isNewSession: false };
    const candidate = { category: CATS[rng.int(4)]!, creator_id: `c${rng.int(9)}`, upload_ts: T0 - rng.uniform() * 72 * 3_600_000 };
    contextInputs(candidate, session, T0, context, i * CONTEXT_DIM);
    const share = context[i * CONTEXT_DIM + 1]!, skips = session.sessionSkips;
    clicks[i] = rng.uniform() < sigmoid(a + 3 * (share - 0.4) - 0.6 * Math.log1p(skips)) ? 1 : 0;
  }
  return { preds, context, clicks };
}

describe('trainLightRanker', () => {
  const train = toyRows(6000, 1), test = toyRows(3000, 2);

  it('beats the heavy-only ranking when a session signal matters; ONNX agrees with TS', async () => {
    const { report, onnx, weights } = await trainLightRanker({ train, test, seed: 7 });
    console.log(`light ranker (toy): test AUC ${report.test_auc_click.toFixed(4)} vs heavy-only ${report.heavy_only_auc_click.toFixed(4)} (heavy score ${report.heavy_score_auc_click.toFixed(4)}); logloss ${report.test_logloss_click.toFixed(4)} vs ${report.heavy_only_logloss_click.toFixed(4)}; parity ${report.onnx_parity_max_abs.toExponential(2)}; ${report.train_seconds.toFixed(2)} s`);
    expect(report.rows).toEqual({ train: 6000, test: 3000, test_positives: test.clicks.reduce((s, v) => s + v, 0) });
    expect(report.test_auc_click).toBeGreaterThan(report.heavy_only_auc_click + 0.05);
    expect(report.test_logloss_click).toBeLessThan(report.heavy_only_logloss_click);
    expect(report.onnx_parity_max_abs).toBeLessThanOrEqual(1e-5);
    expect(onnx.length).toBeGreaterThan(500);
    expect(weights.layers.map((d) => [d.inDim, d.outDim])).toEqual([[13, 16], [16, 1]]);
  });

  it('is deterministic per seed; logistic regression (no hidden layer) also learns the session signal', async () => {
    const a = await trainLightRanker({ train, test, seed: 3, hidden: [], epochs: 2 });
    const b = await trainLightRanker({ train, test, seed: 3, hidden: [], epochs: 2 });
    expect(a.weights.layers[0]!.W).toEqual(b.weights.layers[0]!.W);
    expect(a.report.test_auc_click).toBeGreaterThan(a.report.heavy_only_auc_click + 0.05);
  });

  it('heavyPredsMatrix turns per-task columns into rows; mismatched inputs are refused', async () => {
    const cols = Object.fromEntries(TASKS.map((t, k) => [t, Float32Array.from([k, 10 + k])])) as Parameters<typeof heavyPredsMatrix>[0];
    expect([...heavyPredsMatrix(cols)]).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]);
    await expect(trainLightRanker({ train: { ...train, clicks: train.clicks.subarray(1) }, test, seed: 1 })).rejects.toThrow(/disagree/);
  });
});
