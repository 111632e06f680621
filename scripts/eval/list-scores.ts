// One user's list scored against their test targets. Watched items are removed before the cut to k:
// the edge filters them out too, so a list is judged on what it would actually show.
import { ndcg, recall } from './metrics.js';

export type Cutoffs = { k: number; kWide: number };
export const DEFAULT_CUTOFFS: Cutoffs = { k: 10, kWide: 50 };
export type ListScores = { ndcg: number; recall: number; recall_wide: number };

export const unseen = (ranked: string[], watched: Set<string> | undefined) => (watched ? ranked.filter((id) => !watched.has(id)) : ranked);

/** Test targets minus what was watched in training (a re-watch is not a recommendation). */
export function targets(positives: Set<string>, watched: Set<string> | undefined): Set<string> {
  return watched ? new Set([...positives].filter((id) => !watched.has(id))) : positives;
}

/** The graded relevance of each target (split-events' grades); a target without a grade is a bug upstream. */
export function targetGrades(grades: ReadonlyMap<string, number> | undefined, relevant: Set<string>): Map<string, number> {
  return new Map(
    [...relevant].map((id) => {
      const g = grades?.get(id);
      if (g === undefined) throw new Error(`target ${id} has no engagement grade`);
      return [id, g];
    }),
  );
}

export function scoreList(ranked: string[], relevant: Set<string>, watched: Set<string> | undefined, c: Cutoffs = DEFAULT_CUTOFFS): ListScores {
  const shown = unseen(ranked, watched);
  return { ndcg: ndcg(shown, relevant, c.k), recall: recall(shown, relevant, c.k), recall_wide: recall(shown, relevant, c.kWide) };
}

export type ScoreSums = ListScores & { users: number };
export const emptyScoreSums = (): ScoreSums => ({ users: 0, ndcg: 0, recall: 0, recall_wide: 0 });

export function addScores(s: ScoreSums, x: ListScores): void {
  s.users++;
  s.ndcg += x.ndcg;
  s.recall += x.recall;
  s.recall_wide += x.recall_wide;
}

export const meanScores = (s: ScoreSums): ScoreSums => {
  const n = Math.max(1, s.users);
  return { users: s.users, ndcg: s.ndcg / n, recall: s.recall / n, recall_wide: s.recall_wide / n };
};
