// Ingesting a batch: find which events are new (Redis, read only), append those to the event log
// (R2, durable), then apply them to the realtime state (Redis, one atomic script). The log is the
// record: an event is marked as recorded only after the log has it, so a 503 leaves nothing behind
// and a retry is never mistaken for a duplicate. Redis being down or slow only degrades realtime
// state; duplicates are then not detected and the log may get a retried event twice (at least once).
import type { Event } from '../../models/schemas.js';
import { describeError } from '../budget.js';
import type { PreparedEvents, RealtimeStore, RecordSummary } from '../stores/realtime-store.js';
import { uniqueEvents } from './event-batch.js';
import type { EventLogWriter } from './event-log.js';

export type IngestDeps = {
  log: EventLogWriter;
  /** null when Redis is not configured. */
  realtime: RealtimeStore | null;
  nowMs: number;
  defaultRegion: string;
};

export type RealtimeOutcome = { status: 'ok'; summary: RecordSummary } | { status: 'degraded'; reason: string };
export type IngestResult = { accepted: number; duplicates: number; logKeys: string[]; realtime: RealtimeOutcome };

export async function ingestEvents(events: readonly Event[], deps: IngestDeps): Promise<IngestResult> {
  let prepared: PreparedEvents | null = null;
  let degraded: string | null = deps.realtime ? null : 'realtime store not configured';
  if (deps.realtime) {
    try {
      prepared = await deps.realtime.prepareEvents(events, { nowMs: deps.nowMs, defaultRegion: deps.defaultRegion });
    } catch (err) {
      degraded = describeError(err);
    }
  }
  const toLog = prepared ? prepared.fresh : uniqueEvents(events);
  // Throws EventLogUnavailableError (503): nothing below has run, nothing is marked as recorded.
  const logKeys = toLog.length > 0 ? await deps.log.append(toLog, deps.nowMs) : [];
  let realtime: RealtimeOutcome = { status: 'degraded', reason: degraded ?? '' };
  if (prepared) {
    try {
      realtime = { status: 'ok', summary: await prepared.commit() };
    } catch (err) {
      realtime = { status: 'degraded', reason: describeError(err) };
    }
  }
  return { accepted: toLog.length, duplicates: events.length - toLog.length, logKeys, realtime };
}
