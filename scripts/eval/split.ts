// The time split of a day-partitioned log: train partitions strictly before the split day, test from
// it on. Splitting on a day boundary lets the train view hold whole partitions (symlinks, no rewrite).
import { eventLogDay } from '../../models/keys.js';
import { SplitError } from './errors.js';

export type DaySplit = { splitMs: number; splitDay: string; trainDays: string[]; testDays: string[] };
export const DEFAULT_TEST_DAYS = 2;

/** `days` are the log's partitions (YYYY-MM-DD); `splitAt` an ISO date or a UTC midnight. */
export function splitDays(days: string[], splitAt?: string, testDayCount = DEFAULT_TEST_DAYS): DaySplit {
  const sorted = [...days].sort();
  let splitDay: string;
  if (splitAt === undefined) {
    splitDay = sorted[sorted.length - testDayCount] ?? '';
    if (sorted.length <= testDayCount) throw new SplitError(`the log holds ${sorted.length} day(s): need more than ${testDayCount} to keep ${testDayCount} for the test`);
  } else {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(splitAt) ? `${splitAt}T00:00:00Z` : splitAt);
    if (!Number.isFinite(ms)) throw new SplitError(`--split-at ${splitAt}: not an ISO date`);
    if (ms % 86_400_000 !== 0) throw new SplitError(`--split-at ${splitAt}: the log is partitioned by UTC day, give a date (YYYY-MM-DD)`);
    splitDay = eventLogDay(ms);
  }
  const trainDays = sorted.filter((d) => d < splitDay);
  const testDays = sorted.filter((d) => d >= splitDay);
  if (trainDays.length === 0 || testDays.length === 0)
    throw new SplitError(`split at ${splitDay} leaves ${trainDays.length} train and ${testDays.length} test days (log: ${sorted[0]} … ${sorted.at(-1)})`);
  return { splitMs: Date.parse(`${splitDay}T00:00:00Z`), splitDay, trainDays, testDays };
}
