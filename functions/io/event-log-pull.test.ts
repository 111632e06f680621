// The copy logic runs against an in-memory bucket (list/get over a Map) and a temp world folder; one
// test goes through the real EVENT_LOG binding of wrangler.toml (getPlatformProxy, temp state dir).
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eventLogKey } from '../../models/keys.js';
import { EventSchema, type Event } from '../../models/schemas.js';
import { EventLogObjectError, openEventLogSource, parseEventLogKey, pullEventLog, type EventLogSource } from './event-log-pull.js';
import { newReadStats, readEventLog } from './events.js';
import { worldFiles } from './world-files.js';

const event = (id: string, ts: number): Event => EventSchema.parse({ event_id: id, user_id: 'u1', video_id: 'v1', ts, type: 'impression' });
const part = (events: Event[]) => new Uint8Array(gzipSync(events.map((e) => JSON.stringify(e)).join('\n') + '\n'));
const memorySource = (objects: Map<string, Uint8Array>): EventLogSource => ({
  r2List: async (prefix) => [...objects.keys()].filter((k) => k.startsWith(prefix)),
  r2Get: async (key) => objects.get(key) ?? null,
});
const world = () => worldFiles(mkdtempSync(join(tmpdir(), 'edgefeed-pull-')));
const readAll = async (files: ReturnType<typeof worldFiles>) => {
  const out: Event[] = [];
  for await (const e of readEventLog(files, newReadStats())) out.push(e);
  return out;
};

const D1 = Date.UTC(2026, 6, 4, 10);
const D2 = Date.UTC(2026, 6, 5, 10);
const k1 = eventLogKey('2026-07-04', 'edge-20260704T100000000Z-aaaa0001');
const k2 = eventLogKey('2026-07-05', 'edge-20260705T100000000Z-aaaa0002');

describe('parseEventLogKey', () => {
  it('reads the day and part of event-log keys only', () => {
    expect(parseEventLogKey(k1)).toEqual({ day: '2026-07-04', part: 'edge-20260704T100000000Z-aaaa0001' });
    expect(parseEventLogKey('events/dt=2026-07-04/x.json')).toBeNull();
    expect(parseEventLogKey('events/dt=2026-7-4/x.ndjson.gz')).toBeNull();
    expect(parseEventLogKey('other/dt=2026-07-04/x.ndjson.gz')).toBeNull();
  });
});

describe('pullEventLog (in-memory bucket)', () => {
  it('copies every part into the day folders the jobs read, and nothing twice', async () => {
    const files = world();
    const objects = new Map([[k1, part([event('a', D1), event('b', D1 + 1)])], [k2, part([event('c', D2)])], ['events/README', new Uint8Array([1])]]);
    const first = await pullEventLog(memorySource(objects), files);
    expect(first).toEqual({ copied: [k1, k2], skipped: 0, ignored: ['events/README'] });
    expect((await readAll(files)).map((e) => e.event_id)).toEqual(['a', 'b', 'c']);

    const k3 = eventLogKey('2026-07-05', 'edge-20260705T110000000Z-aaaa0003');
    objects.set(k3, part([event('d', D2 + 5)]));
    const second = await pullEventLog(memorySource(objects), files);
    expect(second).toEqual({ copied: [k3], skipped: 2, ignored: ['events/README'] });
    expect((await readAll(files)).map((e) => e.event_id)).toEqual(['a', 'b', 'c', 'd']);
    expect(readdirSync(join(files.eventsDir, 'dt=2026-07-05')).every((f) => f.endsWith('.ndjson.gz'))).toBe(true);
  });

  it('leaves out days before sinceDay', async () => {
    const files = world();
    const result = await pullEventLog(memorySource(new Map([[k1, part([event('a', D1)])], [k2, part([event('c', D2)])]])), files, { sinceDay: '2026-07-05' });
    expect(result.copied).toEqual([k2]);
    expect(existsSync(files.eventPart('2026-07-04', 'edge-20260704T100000000Z-aaaa0001'))).toBe(false);
  });

  it('refuses an object that is not gzip and leaves no file behind', async () => {
    const files = world();
    const bad = memorySource(new Map([[k1, new TextEncoder().encode('{"event_id":"a"}\n')]]));
    await expect(pullEventLog(bad, files)).rejects.toBeInstanceOf(EventLogObjectError);
    expect(existsSync(files.eventsDir) ? readdirSync(join(files.eventsDir, 'dt=2026-07-04')) : []).toEqual([]);
  });
});

describe('pullEventLog (the EVENT_LOG binding through getPlatformProxy)', () => {
  it('copies what the bucket holds', async () => {
    const source = await openEventLogSource({ stateDir: mkdtempSync(join(tmpdir(), 'edgefeed-state-')) });
    try {
      await source.r2Put(k1, part([event('a', D1)]), 'application/gzip');
      await source.r2Put(k2, part([event('c', D2)]), 'application/gzip');
      const files = world();
      expect(await pullEventLog(source, files)).toEqual({ copied: [k1, k2], skipped: 0, ignored: [] });
      expect(await readAll(files)).toEqual([event('a', D1), event('c', D2)]);
    } finally {
      await source.close();
    }
  });
});
