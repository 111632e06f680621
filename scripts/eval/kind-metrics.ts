// All metrics of one list kind (the staged lists, regional trending, the oracle) at each cutoff:
// per-user means (user-metrics.ts) and list-level figures over everyone's top-k slots (slot-metrics.ts).
// Watched items leave a list before the cut, as in list-scores.ts, so each list is judged on what it shows.
import { unseen } from './list-scores.js';
import type { Popularity } from './popularity.js';
import { slotTally, type Catalogue, type SlotMetrics } from './slot-metrics.js';
import { addUserMetrics, meanUserMetrics, userMetrics, zeroUserMetrics, type UserMetrics } from './user-metrics.js';

export type CutoffMetrics = UserMetrics & SlotMetrics;
export type KindMetrics = {
  users: number;
  /** Mean length of the list as staged, and after the user's watched items are removed. */
  mean_list_length: number;
  mean_unseen_length: number;
  /** By cutoff k ("10", "50"). */
  at_k: Record<string, CutoffMetrics>;
};

export function kindMetrics(cutoffs: readonly number[], catalogue: Catalogue, popularity: Popularity) {
  const per = cutoffs.map((k) => ({ k, sum: zeroUserMetrics(), slots: slotTally(catalogue, popularity) }));
  let users = 0;
  let listLength = 0;
  let unseenLength = 0;
  return {
    /** One user's list as staged, what they watched in training, their graded test targets. */
    add(ranked: string[], watched: Set<string> | undefined, grades: ReadonlyMap<string, number>): void {
      const shown = unseen(ranked, watched);
      users++;
      listLength += ranked.length;
      unseenLength += shown.length;
      for (const c of per) {
        addUserMetrics(c.sum, userMetrics(shown, grades, c.k));
        c.slots.add(shown.slice(0, c.k));
      }
    },
    result(): KindMetrics {
      const n = Math.max(1, users);
      return {
        users,
        mean_list_length: listLength / n,
        mean_unseen_length: unseenLength / n,
        at_k: Object.fromEntries(per.map((c) => [String(c.k), { ...meanUserMetrics(c.sum, users), ...c.slots.result() }])),
      };
    },
  };
}
