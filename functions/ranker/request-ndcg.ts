// NDCG@K of the combined ranking score per request. The log has no request ids, so a "request" is one
// user's impressions within one clock hour (the rows share the hashed user id and hour). Graded gain:
// like 3, finish 2, click 1, nothing 0; a dislike zeroes the gain.
import { TASKS } from '../../models/candidates.js';
import { ID_SLOT_COUNT, ID_SLOTS } from '../../models/features/spec.js';
import type { RankingWeights } from '../../models/ranker/score.js';
import { DEFAULT_RANKING_WEIGHTS, scoreOf } from '../../models/ranker/score.js';
import type { RankerDataset } from './dataset.js';
import type { TaskPredictions } from './evaluate.js';

const USER_SLOT = ID_SLOTS.findIndex((s) => s.name === 'user_id');
const HOUR_MS = 3_600_000;
const label = (d: RankerDataset, i: number, task: (typeof TASKS)[number]) => d.labels[i * TASKS.length + TASKS.indexOf(task)]!;

export function gain(d: RankerDataset, i: number): number {
  if (label(d, i, 'dislike') > 0.5) return 0;
  if (label(d, i, 'like') > 0.5) return 3;
  if (label(d, i, 'finish') > 0.5) return 2;
  return label(d, i, 'click') > 0.5 ? 1 : 0;
}

export function combinedScore(p: TaskPredictions, i: number, w: Readonly<RankingWeights> = DEFAULT_RANKING_WEIGHTS): number {
  return scoreOf((t) => p[t][i]!, w);
}

function ndcgAt(gains: number[], scores: number[], k: number): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const dcg = order.slice(0, k).reduce((s, i, r) => s + (2 ** gains[i]! - 1) / Math.log2(r + 2), 0);
  const ideal = [...gains].sort((a, b) => b - a).slice(0, k).reduce((s, g, r) => s + (2 ** g - 1) / Math.log2(r + 2), 0);
  return ideal === 0 ? NaN : dcg / ideal;
}

/** Mean NDCG@k over requests with at least two impressions and one positive gain. */
export function requestNdcg(d: RankerDataset, scoreOf: (i: number) => number, k = 20): { requests: number; ndcg: number } {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < d.n; i++) {
    const key = `${d.ids[i * ID_SLOT_COUNT + USER_SLOT]}:${Math.floor(d.ts[i]! / HOUR_MS)}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  let sum = 0;
  let requests = 0;
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const v = ndcgAt(rows.map((i) => gain(d, i)), rows.map(scoreOf), k);
    if (Number.isNaN(v)) continue;
    sum += v;
    requests++;
  }
  return { requests, ndcg: requests ? sum / requests : NaN };
}
