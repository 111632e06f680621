// A user's SessionState (models/light-ranker/session.ts) as stored in Redis. JSON has no -Infinity,
// the tracker's "never seen" time, so it is stored as null; anything else that fails the schema throws.
import { z } from 'zod';
import type { SessionState } from '../../models/light-ranker/session.js';

const time = z.number().nullable();

const StoredSessionSchema = z.object({
  recent: z.array(z.object({ category: z.string(), creator_id: z.string(), ts: z.number() })),
  sessionStartTs: time,
  lastActivityTs: time,
  gapBeforeSessionMs: z.number().nullable(),
  sessionSkips: z.number().int().nonnegative(),
  sessionWatches: z.number().int().nonnegative(),
});

const toStored = (ms: number) => (Number.isFinite(ms) ? ms : null);
const fromStored = (ms: number | null) => ms ?? -Infinity;

export function encodeSession(s: SessionState): string {
  return JSON.stringify({
    ...s,
    sessionStartTs: toStored(s.sessionStartTs),
    lastActivityTs: toStored(s.lastActivityTs),
  });
}

/** Throws (zod or JSON error) when the value is not a stored session: the caller names the key. */
export function decodeSession(raw: string): SessionState {
  const s = StoredSessionSchema.parse(JSON.parse(raw));
  return { ...s, sessionStartTs: fromStored(s.sessionStartTs), lastActivityTs: fromStored(s.lastActivityTs) };
}
