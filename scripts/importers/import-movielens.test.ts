import { describe, expect, it } from 'vitest';
import { countByType, fixture, importInto, readWorld, tempWorld } from './test-world.js';

describe('movielens import', () => {
  it('ratings → impression + view by rating, like for 5 (and hashed 4s), dislike for 1', async () => {
    const out = tempWorld();
    const { report } = await importInto(out, {
      format: 'movielens', input: fixture('ml-u.data'), videos: fixture('ml-u.item'), users: fixture('ml-u.user'),
    });
    const w = await readWorld(out);
    expect(countByType(w.events)).toEqual({ impression: 6, view: 6, like: 2, dislike: 1 });
    const watch = Object.fromEntries(w.events.filter((e) => e.type === 'view').map((e) => [`${e.user_id}:${e.video_id}`, e.watch_time_sec]));
    expect(watch).toEqual({ '1:1': 5700, '1:2': 600, '2:3': 4800, '2:1': 3300, '3:9': 1800, '3:2': 4800 });
    expect(w.events.filter((e) => e.type === 'like').map((e) => e.event_id).sort()).toEqual(['ml:1:1:881250949:like', 'ml:2:3:891717742:like']);

    // u.item: latin-1 title decoded, genres → category + tags, pre-1970 release clamps to 0
    const byId = Object.fromEntries(w.videos.map((v) => [v.video_id, v]));
    expect(byId['2']).toMatchObject({ title: 'Cité des enfants perdus, La (1995)', category: 'Fantasy', tags: ['Fantasy', 'Sci-Fi'], duration_sec: 6000 });
    expect(byId['1']).toMatchObject({ category: 'Animation', tags: ['Animation', "Children's", 'Comedy'], upload_ts: Date.UTC(1995, 0, 1) });
    expect(byId['3']!.upload_ts).toBe(0);
    expect(byId['9']).toMatchObject({ creator_id: 'unknown', category: 'unknown' });
    const item = report.files.find((f) => f.role === 'videos')!;
    expect(Object.fromEntries(Object.entries(item.rejects).map(([r, x]) => [r, x.lines]))).toEqual({
      'not_a_flag: genre': [4],
      'column_count: expected 24 fields': [5],
    });

    // u.user: age buckets, signup = first rating; line 3 has a non-numeric id; user 3 inferred
    const users = Object.fromEntries(w.users.map((u) => [u.user_id, u]));
    expect(users['1']).toMatchObject({ age_bucket: '18-24', region: 'US', signup_ts: 881250949000 });
    expect(users['2']!.age_bucket).toBe('50-55');
    expect(report.users).toMatchObject({ added: 2, inferred: 1 });
    expect(report.files.find((f) => f.role === 'users')!.rejects).toMatchObject({ 'not_numeric: user_id': { lines: [3] } });
  });

  it('reports bad u.data rows by line', async () => {
    const out = tempWorld();
    const { report } = await importInto(out, { format: 'movielens', input: fixture('ml-u.data-bad') });
    expect(Object.fromEntries(Object.entries(report.files[0]!.rejects).map(([r, x]) => [r, x.lines]))).toEqual({
      'out_of_range: rating': [2],
      'not_numeric: item_id': [3],
      'column_count: expected 4 fields': [4, 5],
    });
    expect(countByType((await readWorld(out)).events)).toEqual({ impression: 2, view: 2, like: 1 });
  });

  it('refuses a KuaiRand file declared as MovieLens', async () => {
    await expect(importInto(tempWorld(), { format: 'movielens', input: fixture('kuairand-log-variant.tsv') })).rejects.toThrow(/not a MovieLens u.data/);
  });
});
