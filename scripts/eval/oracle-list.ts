// The oracle's list for a user: every video the user has not watched, ranked by the generator's own
// model on the true latents (truth-reader). Its score is the expected watch ratio per impression,
// P(view) × E[ratio | view], averaged over the test days so each day's regional trends count.
import { loadTruth, oracleScore, type Truth } from '../world/truth-reader.js';

export { loadTruth, type Truth };

/** Noon UTC of each test day: the instants the oracle scores at (the trend boosts are per day). */
export const oracleTimes = (testDays: string[]) => testDays.map((d) => Date.parse(`${d}T12:00:00Z`));

export function oracleValue(truth: Truth, userId: string, videoId: string, times: number[]): number | undefined {
  let sum = 0;
  for (const ts of times) {
    const o = oracleScore(truth, userId, videoId, ts, 0);
    if (!o) return undefined;
    sum += o.view * o.ratioGivenView;
  }
  return sum / times.length;
}

/** The top `n` of `videoIds` minus `watched` by oracle value; videos without truth are left out. */
export function oracleList(truth: Truth, userId: string, videoIds: string[], watched: Set<string> | undefined, times: number[], n: number): string[] {
  const scored: { id: string; v: number }[] = [];
  for (const id of videoIds) {
    if (watched?.has(id)) continue;
    const v = oracleValue(truth, userId, id, times);
    if (v !== undefined) scored.push({ id, v });
  }
  return scored
    .sort((a, b) => b.v - a.v || (a.id < b.id ? -1 : 1))
    .slice(0, n)
    .map((s) => s.id);
}
