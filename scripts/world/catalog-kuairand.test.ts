// The KuaiRand path: real video metadata (ids, authors, durations, tag order, upload order) and user
// activity come through the committed copy; requests beyond the table are capped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserSchema, VideoSchema } from '../../models/schemas.js';
import { KUAIRAND_DIR, KUAIRAND_USERS, KUAIRAND_VIDEOS } from './catalog-kuairand.js';
import { kuairandTagName } from './kuairand-tags.js';
import { loadWorld, type LoadedWorld } from './test-world.js';

const table = (name: string, dir = KUAIRAND_DIR) =>
  parse(gunzipSync(readFileSync(join(dir, name))).toString('utf8'), { columns: true }) as Record<string, string>[];

let w: LoadedWorld;
beforeAll(async () => {
  w = await loadWorld({ catalog: 'kuairand', users: 150, videos: 400, days: 5 });
});

describe('kuairand catalogue', () => {
  it('commits the whole video table and a user sample', () => {
    expect(table(KUAIRAND_VIDEOS)).toHaveLength(7_583);
    expect(table(KUAIRAND_USERS)).toHaveLength(3_898);
  });

  it('maps KuaiRand videos onto the contract: ids, creators, durations, stand-in categories', () => {
    const source = new Map(table(KUAIRAND_VIDEOS).map((r) => [`kr${r.video_id}`, r]));
    expect(w.videos).toHaveLength(400);
    for (const v of w.videos) {
      expect(VideoSchema.safeParse(v).success).toBe(true);
      const r = source.get(v.video_id)!;
      expect(r).toBeDefined();
      expect(v.creator_id).toBe(`kc${r.author_id}`);
      expect(v.category).toBe(kuairandTagName(r.tag!.split(',')[0]!));
      if (Number(r.video_duration) > 0) expect(Math.abs(v.duration_sec - Number(r.video_duration) / 1000)).toBeLessThanOrEqual(0.05 + 1e-9); // kept to 0.1 s
    }
  });

  it('keeps the source upload order while spreading uploads over the window', () => {
    const source = new Map(table(KUAIRAND_VIDEOS).map((r) => [`kr${r.video_id}`, r.upload_dt!]));
    const byUpload = [...w.videos].sort((a, b) => (a.upload_ts as number) - (b.upload_ts as number));
    const days = byUpload.map((v) => source.get(v.video_id)!);
    expect(days).toEqual([...days].sort());
    expect(byUpload.filter((v) => (v.upload_ts as number) >= w.result.start_ts).length).toBeGreaterThan(250);
  });

  it('draws users from the table: activity mapped, signup before the end, events generated', () => {
    expect(w.users).toHaveLength(150);
    const source = new Map(table(KUAIRAND_USERS).map((r) => [`ku${r.user_id}`, r]));
    for (const u of w.users) {
      expect(UserSchema.safeParse(u).success).toBe(true);
      const r = source.get(u.user_id)!;
      if (r.user_active_degree === 'full_active') expect(u.activity).toBe('high');
      if (r.user_active_degree === '2_14_day_new') expect(u.signup_ts).toBeGreaterThan(w.result.end_ts - 7 * 86_400_000);
    }
    expect(w.result.summary.counts.view).toBeGreaterThan(1_000);
    expect(w.result.source).toMatch(/KuaiRand.*CC BY-SA 4\.0/);
  });

  it('caps --users and --videos at the size of the catalogue (--catalog-dir)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuairand-mini-'));
    for (const [name, n] of [[KUAIRAND_VIDEOS, 30], [KUAIRAND_USERS, 12]] as const) {
      const lines = gunzipSync(readFileSync(join(KUAIRAND_DIR, name))).toString('utf8').split('\n');
      writeFileSync(join(dir, name), gzipSync(lines.slice(0, n + 1).join('\n') + '\n'));
    }
    const notes: string[] = [];
    const mini = await loadWorld({ catalog: 'kuairand', catalogDir: dir, users: 50, videos: 100, days: 2, log: (l) => notes.push(l) });
    rmSync(dir, { recursive: true, force: true });
    expect([mini.users.length, mini.videos.length]).toEqual([12, 30]);
    expect(notes.join('\n')).toMatch(/30 videos; --videos 100 capped[\s\S]*12 users; --users 50 capped/);
  });
});
