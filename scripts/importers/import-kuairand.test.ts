import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError } from './errors.js';
import { summaryLines } from './report.js';
import { countByType, fixture, importInto, readWorld, tempWorld } from './test-world.js';

describe('kuairand import', () => {
  it('official layout with both tables: exact events, table durations, inferred catalogue rows', async () => {
    const out = tempWorld();
    const { report } = await importInto(out, {
      format: 'kuairand', input: fixture('kuairand-log-official.csv'),
      videos: fixture('kuairand-videos.csv'), users: fixture('kuairand-users.csv'),
    });
    const w = await readWorld(out);
    expect(countByType(w.events)).toEqual({ impression: 7, view: 4, skip: 3, like: 1, follow: 1, dislike: 1, comment: 1, share: 1 });
    // duration_ms 0 in the log → the video table's 156.12 s
    expect(w.events.find((e) => e.event_id === 'kr:0:1052:1649721600000:skip')).toMatchObject({ video_duration_sec: 156.12, watch_time_sec: 1.075 });
    // empty time_ms → 2022-04-12 15:00 Beijing time
    expect(w.events.filter((e) => e.user_id === '38').map((e) => e.ts)).toEqual([Date.parse('2022-04-12T07:00:00Z'), Date.parse('2022-04-12T07:00:00Z')]);
    expect(report.videos).toMatchObject({ added: 4, inferred: 2, durationDefaulted: 1 });
    expect(report.users).toMatchObject({ added: 3, inferred: 3 });
    const v1836 = w.videos.find((v) => v.video_id === '1836')!;
    expect(v1836).toMatchObject({ creator_id: '1006864', category: '62', tags: ['62', '4'], duration_sec: 132.433 });
    expect(w.videos.find((v) => v.video_id === '442')).toMatchObject({ creator_id: 'unknown', category: 'unknown', duration_sec: 12 });
    expect(w.users.find((u) => u.user_id === '874')).toMatchObject({ activity: 'high', region: 'CN', device: 'other' });
    expect(report.notes).toContain('1 rows were random exposures (is_rand=1)');
    expect(w.world).toMatchObject({ source: 'kuairand', users: 6, videos: 6, events: 19, start: '2022-04-10T08:59:09.287Z', end: '2022-04-13T02:00:00.000Z' });
  });

  it('variant layout: label → like/dislike, duplicate rows within the file written once', async () => {
    const out = tempWorld();
    const { report } = await importInto(out, { format: 'kuairand', input: fixture('kuairand-log-variant.tsv') });
    const w = await readWorld(out);
    expect(countByType(w.events)).toEqual({ impression: 11, view: 8, skip: 3, like: 11, comment: 2, follow: 1 });
    expect(report.events_duplicate).toBe(4);
    expect(w.events.find((e) => e.event_id === 'kr:111:3892024:1649581149287:view')!.watch_time_sec).toBe(46.186);
    expect(new Set(w.events.map((e) => e.event_id)).size).toBe(w.events.length);
  });

  it('reports every bad row with its line number and reason, and imports the good ones', async () => {
    const out = tempWorld();
    const { report } = await importInto(out, { format: 'kuairand', input: fixture('kuairand-log-bad.tsv') });
    const log = report.files[0]!;
    expect(log).toMatchObject({ rows_read: 9, rows_rejected: 7 });
    const lines = Object.fromEntries(Object.entries(log.rejects).map(([reason, r]) => [reason, r.lines]));
    expect(lines).toEqual({
      'column_count: expected 16 fields': [3, 4],
      'not_numeric: play_time_ms': [5],
      'negative: time_ms': [6],
      'bad_utf8: invalid UTF-8 bytes': [7],
      'out_of_range: label': [8],
      'schema: watch_time_sec: Too big: expected number to be <=86400': [10],
    });
    // lines 2 and 9: impression+view+like, impression+view+comment+like
    expect(countByType((await readWorld(out)).events)).toEqual({ impression: 2, view: 2, like: 2, comment: 1 });
  });

  it('stops with --max-errors and writes nothing but the report', async () => {
    const out = tempWorld();
    const { report } = await importInto(out, { format: 'kuairand', input: fixture('kuairand-log-bad.tsv'), maxErrors: 2 });
    expect(report.status).toBe('aborted');
    // --max-errors 2: the third reject (line 5, the 4th row) stops it
    expect(report.files[0]).toMatchObject({ rows_read: 4, rows_rejected: 3 });
    expect(readdirSync(out).filter((f) => !f.startsWith('import-report-'))).toEqual([]);
  });

  it('rejects a file of another layout, or binary garbage, before writing anything', async () => {
    const out = tempWorld();
    const wrong = importInto(out, { format: 'kuairand', input: fixture('kuairand-wrong-format.csv') });
    await expect(wrong).rejects.toThrow(FormatError);
    await expect(wrong).rejects.toThrow(/header lacks time_ms or date, is_like or label/);
    const garbage = join(out, '..', `garbage-${Date.now()}.bin`);
    writeFileSync(garbage, Buffer.from([0x00, 0x13, 0xfe, 0x09, 0x2c, 0x00, 0x0a, 0x7f, 0x80]));
    await expect(importInto(out, { format: 'kuairand', input: garbage })).rejects.toThrow(/binary data/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('re-importing the same file adds nothing; an overlapping file adds only its new events', async () => {
    const out = tempWorld();
    await importInto(out, { format: 'kuairand', input: fixture('kuairand-log-variant.tsv') });
    const again = await importInto(out, { format: 'kuairand', input: fixture('kuairand-log-variant.tsv') });
    expect(again.report.status).toBe('already_imported');
    expect(summaryLines(again.report).join('\n')).toMatch(/kuairand-log-variant\.tsv: already imported \(sha256 [0-9a-f]{12}\), skipped/);
    expect((await readWorld(out)).events).toHaveLength(36);

    const overlap = await importInto(out, { format: 'kuairand', input: fixture('kuairand-log-variant-overlap.tsv') });
    expect(overlap.report.events_duplicate).toBe(16);
    const w = await readWorld(out);
    expect(w.events).toHaveLength(36 + 7);
    expect(new Set(w.events.map((e) => e.event_id)).size).toBe(43);
    expect(w.world).toMatchObject({ events: 43, start: '2022-04-08T11:22:35.767Z' });
    expect(existsSync(join(out, '.import-staging'))).toBe(false);
  });
});
