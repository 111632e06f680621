import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../models/schemas.js';
import { groupByDay, gzip, partName, toNdjson } from './event-log.js';

const ev = (id: string, ts: number) => EventSchema.parse({ event_id: id, user_id: 'u', video_id: 'v', ts, type: 'like' });

describe('event log pieces', () => {
  it('names parts by write time, then random hex', () => {
    expect(partName(Date.UTC(2026, 6, 4, 10, 11, 12, 345), new Uint8Array([0, 15, 16, 255]))).toBe('edge-20260704T101112345Z-000f10ff');
    expect(partName(0)).not.toBe(partName(0));
  });

  it('groups events by the UTC day of their ts, keeping input order', () => {
    const late = Date.UTC(2026, 6, 4, 23, 59, 59, 999);
    const days = groupByDay([ev('a', late), ev('b', late + 1), ev('c', late - 5)]);
    expect([...days].map(([d, es]) => [d, es.map((e) => e.event_id)])).toEqual([['2026-07-04', ['a', 'c']], ['2026-07-05', ['b']]]);
  });

  it('gzips NDJSON that decompresses to one event per line', async () => {
    const events = [ev('a', 1), ev('b', 2)];
    const bytes = await gzip(toNdjson(events));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(text.trim().split('\n').map((l) => JSON.parse(l))).toEqual(events);
  });
});
