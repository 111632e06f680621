// Every per-user metric at one cutoff for one shown list (watched items already removed), against the
// user's graded test targets (a target is any video with grade > 0).
import { ndcgGraded } from './graded-ndcg.js';
import { hitRate, mrr, ndcg, precision, recall } from './metrics.js';

export const USER_METRICS = ['hit_rate', 'precision', 'recall', 'ndcg_binary', 'ndcg_graded', 'mrr'] as const;
export type UserMetric = (typeof USER_METRICS)[number];
export type UserMetrics = Record<UserMetric, number>;

export function userMetrics(shown: string[], grades: ReadonlyMap<string, number>, k: number): UserMetrics {
  const relevant = new Set([...grades].filter(([, g]) => g > 0).map(([id]) => id));
  return {
    hit_rate: hitRate(shown, relevant, k),
    precision: precision(shown, relevant, k),
    recall: recall(shown, relevant, k),
    ndcg_binary: ndcg(shown, relevant, k),
    ndcg_graded: ndcgGraded(shown, grades, k),
    mrr: mrr(shown, relevant, k),
  };
}

export const zeroUserMetrics = (): UserMetrics => Object.fromEntries(USER_METRICS.map((m) => [m, 0])) as UserMetrics;

export function addUserMetrics(sum: UserMetrics, x: UserMetrics): void {
  for (const m of USER_METRICS) sum[m] += x[m];
}

export const meanUserMetrics = (sum: UserMetrics, users: number): UserMetrics =>
  Object.fromEntries(USER_METRICS.map((m) => [m, sum[m] / Math.max(1, users)])) as UserMetrics;
