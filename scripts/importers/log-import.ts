// The log phase: every row the format yields is validated (all its events, or the row is rejected),
// deduped by event_id and written to its day partition. Memory holds only the per-entity facts the
// catalogue needs and the event_ids of the days touched.
import { EventSchema, EVENT_TYPES, type Event, type EventType } from '../../models/schemas.js';
import type { EventSink } from './event-sink.js';
import type { Progress } from '../../functions/io/progress.js';
import type { RejectLog } from './rejects.js';
import type { RowResult, SeenEntity } from './types.js';
import { schemaReason } from './validate.js';

export type LogStats = {
  rowsRead: number;
  written: Record<EventType, number>;
  duplicates: number;
  minTs?: number;
  maxTs?: number;
  seenVideos: Map<string, SeenEntity>;
  seenUsers: Map<string, SeenEntity>;
};

export const newLogStats = (): LogStats => ({ rowsRead: 0, written: zeroByType(), duplicates: 0, seenVideos: new Map(), seenUsers: new Map() });
const zeroByType = () => Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>;

function see(map: Map<string, SeenEntity>, id: string, ts: number, durationSec?: number): void {
  const s = map.get(id);
  if (!s) map.set(id, durationSec ? { firstTs: ts, maxDurationSec: durationSec } : { firstTs: ts });
  else {
    if (ts < s.firstTs) s.firstTs = ts;
    if (durationSec && durationSec > (s.maxDurationSec ?? 0)) s.maxDurationSec = durationSec;
  }
}

export async function importLog(
  rows: AsyncIterable<RowResult>,
  sink: EventSink,
  rejects: RejectLog,
  onReject: () => void,
  progress: Progress,
  stats: LogStats = newLogStats(),
): Promise<LogStats> {
  for await (const r of rows) {
    stats.rowsRead++;
    progress.tick();
    if ('reject' in r) {
      rejects.add(r.lineNo, r.reject);
      onReject();
      continue;
    }
    const events: Event[] = [];
    let reason: string | undefined;
    for (const input of r.events) {
      const parsed = EventSchema.safeParse(input);
      if (!parsed.success) {
        reason = schemaReason(parsed.error);
        break;
      }
      events.push(parsed.data);
    }
    if (reason !== undefined) {
      rejects.add(r.lineNo, reason);
      onReject();
      continue;
    }
    for (const e of events) {
      if (await sink.add(e)) stats.written[e.type]++;
      else stats.duplicates++;
      see(stats.seenVideos, e.video_id, e.ts, e.video_duration_sec);
      see(stats.seenUsers, e.user_id, e.ts);
      if (stats.minTs === undefined || e.ts < stats.minTs) stats.minTs = e.ts;
      if (stats.maxTs === undefined || e.ts > stats.maxTs) stats.maxTs = e.ts;
    }
  }
  return stats;
}
