// Scores every user with test-day targets on each list kind: their own staged list (regional trending
// when they have none, as the edge serves), their region's trending list and the oracle's list. Feeds
// both the quality bar's binary scores (list-scores.ts) and the full metrics (kind-metrics.ts).
import { GLOBAL_REGION } from '../../models/keys.js';
import { kindMetrics, type KindMetrics } from './kind-metrics.js';
import { addScores, emptyScoreSums, meanScores, scoreList, targetGrades, targets, type Cutoffs, type ScoreSums } from './list-scores.js';
import type { Popularity } from './popularity.js';
import type { Catalogue } from './slot-metrics.js';
import type { SplitEvents } from './split-events.js';

export const LIST_KINDS = ['lists', 'trending', 'oracle'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export type ScoreUsersInput = {
  events: Pick<SplitEvents, 'positives' | 'watched' | 'grades'>;
  candidates: ReadonlyMap<string, string[]>;
  /** By region, with GLOBAL_REGION for users whose region has no list. */
  trending: ReadonlyMap<string, string[]>;
  regionOf: (userId: string) => string | undefined;
  /** null: no truth, the oracle is not measured. */
  oracle: ((userId: string, watched: Set<string> | undefined) => string[]) | null;
  cutoffs: Cutoffs;
  catalogue: Catalogue;
  popularity: Popularity;
};
export type UserScores = {
  /** The quality bar's figures: binary NDCG@k, recall@k and @kWide. */
  means: { lists: ScoreSums; trending: ScoreSums; oracle: ScoreSums | null };
  metrics: { lists: KindMetrics; trending: KindMetrics; oracle: KindMetrics | null };
  usersWithoutList: number;
};

export function scoreUsers(o: ScoreUsersInput): UserScores {
  const c = o.cutoffs;
  const cuts = [...new Set([c.k, c.kWide])].sort((a, b) => a - b);
  const kinds = LIST_KINDS.filter((k) => k !== 'oracle' || o.oracle);
  const sums = Object.fromEntries(kinds.map((k) => [k, emptyScoreSums()])) as Record<ListKind, ScoreSums>;
  const full = Object.fromEntries(kinds.map((k) => [k, kindMetrics(cuts, o.catalogue, o.popularity)])) as Record<ListKind, ReturnType<typeof kindMetrics>>;
  let usersWithoutList = 0;
  for (const [userId, positives] of o.events.positives) {
    const watched = o.events.watched.get(userId);
    const relevant = targets(positives, watched);
    if (relevant.size === 0) continue;
    const grades = targetGrades(o.events.grades.get(userId), relevant);
    const regional = o.trending.get(o.regionOf(userId) ?? '') ?? o.trending.get(GLOBAL_REGION) ?? [];
    const own = o.candidates.get(userId);
    if (!own) usersWithoutList++;
    const lists: Record<ListKind, () => string[]> = { lists: () => own ?? regional, trending: () => regional, oracle: () => o.oracle!(userId, watched) };
    for (const kind of kinds) {
      const list = lists[kind]();
      addScores(sums[kind], scoreList(list, relevant, watched, c));
      full[kind].add(list, watched, grades);
    }
  }
  return {
    means: { lists: meanScores(sums.lists), trending: meanScores(sums.trending), oracle: o.oracle ? meanScores(sums.oracle) : null },
    metrics: { lists: full.lists.result(), trending: full.trending.result(), oracle: o.oracle ? full.oracle.result() : null },
    usersWithoutList,
  };
}
