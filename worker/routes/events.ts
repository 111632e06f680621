// POST /v1/events: `{ events: [...] }` → 202 `{ accepted, duplicates }` once the batch is in the
// durable event log (R2). Realtime state (Redis) is updated before answering, so the client's next
// feed call sees it; if Redis fails the answer is still 202 with x-edgefeed-realtime: degraded.
// 400 names the bad event's index and field; 503 means nothing was recorded (retry the batch).
import { Hono } from 'hono';
import { readConfig } from '../config.js';
import { errorHandler } from '../middleware/error-handler.js';
import { parseEventBatch } from '../realtime/event-batch.js';
import { r2EventLog } from '../realtime/event-log.js';
import { ingestEvents } from '../realtime/ingest.js';
import { EVENT_LOG_BUDGET_MS, EVENTS_REDIS_BUDGET_MS } from '../realtime/limits.js';
import { ingestBodyLimit, readJsonBody } from '../realtime/request-body.js';
import { upstashRealtimeStore } from '../stores/upstash-realtime-store.js';

export const REALTIME_HEADER = 'x-edgefeed-realtime';
export const REALTIME_DETAIL_HEADER = 'x-edgefeed-realtime-detail';

export type EventsBody = { accepted: number; duplicates: number };

/** Header values are one printable ASCII line. */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, ' ').slice(0, 300);

export const eventsRoute = new Hono<{ Bindings: Env }>().post('/', ingestBodyLimit(), async (c) => {
  const events = parseEventBatch(await readJsonBody(c.req));
  const config = readConfig(c.env);
  const result = await ingestEvents(events, {
    log: r2EventLog(c.env.EVENT_LOG, { budgetMs: EVENT_LOG_BUDGET_MS }),
    realtime: config.redis && upstashRealtimeStore({ ...config.redis, requestBudgetMs: EVENTS_REDIS_BUDGET_MS }),
    nowMs: Date.now(),
    defaultRegion: config.defaultRegion,
  });
  if (result.realtime.status === 'degraded') {
    c.header(REALTIME_HEADER, 'degraded');
    c.header(REALTIME_DETAIL_HEADER, headerSafe(result.realtime.reason));
  }
  return c.json<EventsBody>({ accepted: result.accepted, duplicates: result.duplicates }, 202);
});
// The app's handler, so the sub-app answers errors the same way mounted or on its own (tests).
eventsRoute.onError(errorHandler());
