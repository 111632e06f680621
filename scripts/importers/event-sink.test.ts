import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { worldFiles } from '../../functions/io/world-files.js';
import type { Event } from '../../models/schemas.js';
import { eventSink } from './event-sink.js';
import { readEvents, tempWorld } from './test-world.js';

const DAY_MS = 86_400_000;
const ev = (id: string, day: number): Event => ({ event_id: id, user_id: 'u', video_id: 'v', ts: day * DAY_MS + 1000, type: 'impression', surface: 'feed' });

describe('eventSink', () => {
  it('stages parts until commit, rotates parts when writers are evicted, and dedupes against committed parts', async () => {
    const out = tempWorld();
    const files = worldFiles(out);
    const sink = eventSink(files, 'import-aaaa', 1); // one open writer: every day switch evicts
    for (const [id, day] of [['a', 0], ['b', 1], ['c', 0], ['a', 0]] as const) await sink.add(ev(id, day));
    expect(readdirSync(out)).toEqual(['.import-staging']); // nothing in events/ before commit
    expect(await sink.commit()).toEqual(['dt=1970-01-01/import-aaaa-0000.ndjson.gz', 'dt=1970-01-02/import-aaaa-0000.ndjson.gz', 'dt=1970-01-01/import-aaaa-0001.ndjson.gz']);
    expect(readdirSync(out)).toEqual(['events']);

    const next = eventSink(files, 'import-aaaa');
    expect(await next.add(ev('c', 0))).toBe(false);
    expect(await next.add(ev('d', 0))).toBe(true);
    expect(await next.commit()).toEqual(['dt=1970-01-01/import-aaaa-0002.ndjson.gz']);
    expect((await readEvents(out)).map((e) => e.event_id)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('abort leaves nothing behind', async () => {
    const out = tempWorld();
    const sink = eventSink(worldFiles(out), 'import-bbbb');
    await sink.add(ev('x', 3));
    await sink.abort();
    expect(readdirSync(out)).toEqual([]);
  });
});
