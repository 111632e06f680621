import { describe, expect, it } from 'vitest';
import { countByType, fixture, importInto, readWorld, tempWorld } from './test-world.js';

describe('ndjson import', () => {
  it('validates every row with EventSchema and reports the field path of each reject', async () => {
    const out = tempWorld();
    const { report } = await importInto(out, { format: 'ndjson', input: fixture('events-bad.ndjson') });
    const reasons = Object.fromEntries(Object.entries(report.files[0]!.rejects).map(([r, x]) => [r.split(':').slice(0, 2).join(':'), x.lines]));
    expect(reasons).toEqual({ 'bad_json: not a JSON object': [2, 5], 'schema: watch_time_sec': [3], 'schema: type': [4], 'schema: ts': [6] });
    expect((await readWorld(out)).events.map((e) => e.event_id)).toEqual(['b1', 'b7']);
  });

  it('normalises ISO timestamps and upserts the catalogue by id', async () => {
    const out = tempWorld();
    const first = await importInto(out, { format: 'ndjson', input: fixture('events-good.ndjson'), videos: fixture('videos.ndjson'), users: fixture('users.ndjson') });
    // v2 has duration 0 in the table: rejected there, then inferred from the log as a placeholder
    expect(first.report.files.find((f) => f.role === 'videos')!.rejects).toMatchObject({ 'schema: duration_sec: Too small: expected number to be >0': { lines: [2] } });
    expect(first.report.videos).toMatchObject({ added: 1, inferred: 1 });
    let w = await readWorld(out);
    expect(countByType(w.events)).toEqual({ impression: 1, view: 1, like: 1, share: 1 });
    expect(w.events.find((e) => e.event_id === 'e3')!.ts).toBe(Date.parse('2023-11-15T00:00:00Z'));
    expect(w.days.map((d) => d.day)).toEqual(['2023-11-14', '2023-11-15']);

    const second = await importInto(out, { format: 'ndjson', input: fixture('events-good.ndjson'), videos: fixture('videos-updated.ndjson') });
    expect(second.report.files.map((f) => f.status)).toEqual(['already_imported', 'imported']);
    expect(second.report.videos).toMatchObject({ added: 1, updated: 1, inferred: 0 });
    w = await readWorld(out);
    expect(w.videos.map((v) => [v.video_id, v.title]).sort()).toEqual([['v1', 'First, renamed'], ['v2', ''], ['v9', 'Ninth']]);
    expect(w.events).toHaveLength(4);
    expect(w.world).toMatchObject({ source: 'ndjson', videos: 3, users: 2, events: 4 });
  });
});
