import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors.js';
import { fieldName, parseEventBatch, uniqueEvents } from './event-batch.js';
import { EVENTS_PER_REQUEST_MAX } from './limits.js';

const good = (i: number) => ({ event_id: `e${i}`, user_id: 'u', video_id: 'v', ts: 1_000 + i, type: 'impression' });
const fieldOf = (body: unknown): string | undefined => {
  try {
    parseEventBatch(body);
  } catch (err) {
    if (err instanceof BadRequestError) return err.field;
    throw err;
  }
  return undefined;
};

describe('parseEventBatch', () => {
  it('parses a valid batch with the schema defaults', () => {
    const events = parseEventBatch({ events: [good(0), { ...good(1), ts: '2026-01-01T00:00:00Z' }] });
    expect(events[0]!.surface).toBe('feed');
    expect(events[1]!.ts).toBe(Date.UTC(2026, 0, 1));
  });

  it('names the index and field of the first bad event', () => {
    expect(fieldOf({ events: [good(0), good(1), good(2), { ...good(3), type: 'view' }] })).toBe('events[3].watch_time_sec');
    expect(fieldOf({ events: [{ ...good(0), ts: -1 }] })).toBe('events[0].ts');
    expect(fieldOf({ events: [good(0), 'nope'] })).toBe('events[1]');
  });

  it('refuses an empty, oversized or missing batch on `events`', () => {
    expect(fieldOf({ events: [] })).toBe('events');
    expect(fieldOf({ events: Array.from({ length: EVENTS_PER_REQUEST_MAX + 1 }, (_, i) => good(i)) })).toBe('events');
    expect(fieldOf({ event: [good(0)] })).toBe('events');
    expect(fieldOf([good(0)])).toBe('events');
    expect(fieldOf({ events: Array.from({ length: EVENTS_PER_REQUEST_MAX }, (_, i) => good(i)) })).toBeUndefined();
  });
});

describe('helpers', () => {
  it('formats paths and keeps the first event of each id', () => {
    expect(fieldName(['events', 0, 'a', 2])).toBe('events[0].a[2]');
    expect(uniqueEvents([{ event_id: 'a', n: 1 }, { event_id: 'b', n: 2 }, { event_id: 'a', n: 3 }])).toEqual([{ event_id: 'a', n: 1 }, { event_id: 'b', n: 2 }]);
  });
});
