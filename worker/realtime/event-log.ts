// Appends validated events to the R2 event log the central jobs read: one gzip NDJSON object per
// request and UTC day of the events' ts, under eventLogKey(day, part). The part name starts with the
// write time (parts sort in arrival order) and ends in random hex (two isolates never collide).
// An object is written whole or not at all; if one day's write fails the others are deleted again,
// so a retried batch is not logged twice.
import { eventLogDay, eventLogKey } from '../../models/keys.js';
import type { Event } from '../../models/schemas.js';
import { describeError, withBudget } from '../budget.js';
import { EventLogUnavailableError } from './errors.js';

export type EventLogBucket = Pick<R2Bucket, 'put' | 'delete'>;
export type EventLogWriter = { append(events: readonly Event[], nowMs: number): Promise<string[]> };

export const EVENT_LOG_CONTENT_TYPE = 'application/gzip';

/** `edge-20260704T101112345Z-<8 hex>` */
export const partName = (nowMs: number, random: Uint8Array = crypto.getRandomValues(new Uint8Array(4))): string =>
  `edge-${new Date(nowMs).toISOString().replace(/[-:.]/g, '')}-${[...random].map((b) => b.toString(16).padStart(2, '0')).join('')}`;

/** Events grouped by the UTC day of their ts, each group in input order. */
export function groupByDay(events: readonly Event[]): Map<string, Event[]> {
  const days = new Map<string, Event[]>();
  for (const e of events) {
    const day = eventLogDay(e.ts);
    const group = days.get(day);
    if (group) group.push(e);
    else days.set(day, [e]);
  }
  return days;
}

export const toNdjson = (events: readonly Event[]): string => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

/** gzip with the runtime's CompressionStream (workerd and Node alike): no library needed. */
export async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function r2EventLog(bucket: EventLogBucket, opts: { budgetMs: number }): EventLogWriter {
  return {
    async append(events, nowMs) {
      const part = partName(nowMs);
      const objects = [...groupByDay(events)].map(([day, group]) => ({ key: eventLogKey(day, part), group }));
      const written = await Promise.allSettled(
        objects.map(async ({ key, group }) => {
          const body = await gzip(toNdjson(group));
          const put = await withBudget(opts.budgetMs, () =>
            bucket.put(key, body, { httpMetadata: { contentType: EVENT_LOG_CONTENT_TYPE }, customMetadata: { events: String(group.length) } }),
          );
          if (put.status === 'timeout') throw new Error(`R2 put of '${key}' took over ${put.budgetMs} ms`);
          if (put.status === 'error') throw put.error;
          return key;
        }),
      );
      const failed = written.find((w) => w.status === 'rejected');
      if (failed) {
        const done = written.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : []));
        if (done.length > 0) await bucket.delete(done).catch(() => undefined); // best effort: a retry may log these twice
        throw new EventLogUnavailableError(describeError(failed.reason));
      }
      return objects.map((o) => o.key);
    },
  };
}
