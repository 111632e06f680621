// Which events say "this user wanted this video": a view watched at least halfway, a like, share or
// follow. One positive per (user, video), at its first occurrence, so histories do not repeat an item.
import { watchRatio, type Event } from '../../models/schemas.js';
import type { Positive } from './examples.js';

export const MIN_WATCH_RATIO = 0.5;

export function isPositive(e: Pick<Event, 'type' | 'watch_time_sec' | 'video_duration_sec'>): boolean {
  if (e.type === 'view') return (watchRatio(e) ?? 0) >= MIN_WATCH_RATIO;
  return e.type === 'like' || e.type === 'share' || e.type === 'follow';
}

/** Time-ordered events → time-ordered distinct positives. */
export async function positivesFrom(events: AsyncIterable<Event> | Iterable<Event>): Promise<Positive[]> {
  const seen = new Set<string>(), out: Positive[] = [];
  for await (const e of events) {
    if (!isPositive(e)) continue;
    const key = `${e.user_id}\u0000${e.video_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ user_id: e.user_id, video_id: e.video_id, ts: e.ts });
  }
  return out;
}
