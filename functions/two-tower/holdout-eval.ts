// Held-out evaluation of a retrieval model against popularity: for each user with later positives,
// rank every candidate (minus what the user already had) and measure recall@K and popular-item share.
import type { User, Video } from '../../models/schemas.js';
import type { Positive } from './examples.js';
import { categoryShares } from './features.js';
import type { TwoTowerModel } from './model.js';
import { dotScores, popularShare, recallOf, topKIndices } from './retrieval-eval.js';

export type HoldoutInput = {
  candidates: Video[]; videos: ReadonlyMap<string, Video>; users: ReadonlyMap<string, User>;
  train: Positive[]; heldOut: Positive[]; nowMs: number; k: number;
  /** How many of the most popular training items count as "popular" for the share. */
  popularTop: number;
};
export type HoldoutReport = { users: number; recall: number; popularityRecall: number; popularShare: number; heldOutPopularShare: number };

export function holdoutEval(model: TwoTowerModel, h: HoldoutInput): HoldoutReport {
  const index = new Map(h.candidates.map((v, i) => [v.video_id, i]));
  const counts = new Float32Array(h.candidates.length);
  const history = new Map<string, string[]>();
  for (const p of h.train) {
    const i = index.get(p.video_id);
    if (i !== undefined) counts[i]!++;
    const hist = history.get(p.user_id);
    if (hist) hist.push(p.video_id);
    else history.set(p.user_id, [p.video_id]);
  }
  const popular = new Set(topKIndices(counts, h.popularTop));
  const want = new Map<string, Set<number>>();
  for (const p of h.heldOut) {
    const i = index.get(p.video_id);
    if (i !== undefined) want.set(p.user_id, (want.get(p.user_id) ?? new Set()).add(i));
  }
  const items = model.itemVectors(h.candidates, h.nowMs);
  let recall = 0, popRecall = 0, users = 0, wanted = 0, wantedPopular = 0;
  const lists: number[][] = [];
  for (const [user, all] of want) {
    const hist = history.get(user) ?? [];
    const seen = new Set(hist.map((id) => index.get(id)).filter((i) => i !== undefined));
    const fresh = new Set([...all].filter((i) => !seen.has(i)));
    if (fresh.size === 0) continue;
    const newestFirst = [...hist].reverse();
    const u = model.userVector(h.users.get(user), newestFirst, categoryShares(hist, h.videos));
    const top = topKIndices(dotScores(items, model.dims, u), h.k, seen);
    lists.push(top);
    recall += recallOf(top, fresh, h.k);
    popRecall += recallOf(topKIndices(counts, h.k, seen), fresh, h.k);
    users++;
    for (const i of fresh) (wanted++, (wantedPopular += popular.has(i) ? 1 : 0));
  }
  const mean = (x: number) => (users === 0 ? 0 : x / users);
  return {
    users, recall: mean(recall), popularityRecall: mean(popRecall), popularShare: popularShare(lists, popular),
    heldOutPopularShare: wanted === 0 ? 0 : wantedPopular / wanted,
  };
}
