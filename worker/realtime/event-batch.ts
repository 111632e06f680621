// The body of POST /v1/events: `{ events: [...] }`, 1..EVENTS_PER_REQUEST_MAX events, each checked
// against EventSchema. The first bad event answers 400 naming its index and field
// (`events[3].watch_time_sec`), so a client can find it in what it sent.
import { z } from 'zod';
import { EventSchema, type Event } from '../../models/schemas.js';
import { BadRequestError } from '../errors.js';
import { EVENTS_PER_REQUEST_MAX } from './limits.js';

const countMessage = `events must be an array of 1 to ${EVENTS_PER_REQUEST_MAX} events`;
// Elements are checked one by one below: their index must lead the field name.
const BatchShape = z.object(
  { events: z.array(z.unknown(), { error: countMessage }).min(1, { error: countMessage }).max(EVENTS_PER_REQUEST_MAX, { error: countMessage }) },
  { error: 'the body must be a JSON object { "events": [...] }' },
);

/** ['events', 3, 'watch_time_sec'] → 'events[3].watch_time_sec' */
export const fieldName = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? String(p) : `${s}.${String(p)}`), '');

export function parseEventBatch(body: unknown): Event[] {
  const shape = BatchShape.safeParse(body);
  if (!shape.success) throw new BadRequestError('events', shape.error.issues[0]?.message ?? countMessage, 'invalid_body');
  return shape.data.events.map((raw, i) => {
    const parsed = EventSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = fieldName(['events', i, ...(issue?.path ?? [])]);
    throw new BadRequestError(field, `${field}: ${issue?.message ?? 'invalid event'}`, 'invalid_event');
  });
}

/** The first event of each event_id, in input order. */
export function uniqueEvents<E extends Pick<Event, 'event_id'>>(events: readonly E[]): E[] {
  const ids = new Set<string>();
  return events.filter((e) => !ids.has(e.event_id) && ids.add(e.event_id));
}
