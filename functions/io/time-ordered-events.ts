// The event log in global time order, for jobs that replay history (point-in-time features). Parts
// within a day are written user by user, so each day is read whole and sorted: memory is one day of
// events, not the whole log. Ties keep a stable order by event_id so replays are reproducible.
import type { Event } from '../../models/schemas.js';
import { newReadStats, readEventLog, type EventReadStats } from './events.js';
import { eventLogDays, type WorldFiles } from './world-files.js';

const byTime = (a: Event, b: Event) => a.ts - b.ts || (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0);

export async function* readEventLogInTimeOrder(files: WorldFiles, stats: EventReadStats = newReadStats()): AsyncGenerator<Event> {
  for (const { day } of eventLogDays(files)) {
    const events: Event[] = [];
    for await (const e of readEventLog(files, stats, { onlyDay: day })) events.push(e);
    events.sort(byTime);
    yield* events;
  }
}
