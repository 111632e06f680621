import { describe, expect, it } from 'vitest';
import { EventSchema, type Event } from '../schemas.js';
import { DENSE_OFFSET } from './spec.js';
import { seededWorld, T0 } from './seeded-events.js';
import { trainingRows, type TrainingRow } from './training-rows.js';
import { EventOrderError } from './errors.js';

const HOUR = 3_600_000;
const world = seededWorld(7);

function build(events: Event[], endMs = world.endMs, labelWindowMs?: number) {
  const rows: TrainingRow[] = [];
  const b = trainingRows({ videos: world.videos, users: world.users, onRow: (r) => rows.push(r), labelWindowMs });
  for (const e of events) b.push(e);
  const stats = b.finish(endMs);
  return { rows, stats };
}
const key = (r: TrainingRow) => `${r.ts}|${r.user_id}|${r.video_id}|${r.position}`;
const ev = (e: Partial<Event> & Pick<Event, 'type' | 'user_id' | 'video_id' | 'ts'>): Event =>
  EventSchema.parse({ event_id: `x${Math.random().toString(36).slice(2)}`, ...e });

describe('trainingRows', () => {
  const base = build(world.events);

  it('emits one row per impression with labels joined from the view, like and dislike that follow', () => {
    const imps = world.events.filter((e) => e.type === 'impression').length;
    expect(base.stats.impressions).toBe(imps);
    expect(base.stats.emitted + base.stats.droppedOpenWindow).toBe(imps);
    expect(base.stats.viewsWithoutImpression).toBe(0);
    const views = world.events.filter((e) => e.type === 'view');
    expect(base.rows.reduce((s, r) => s + r.labels.click, 0)).toBe(views.length);
    const v = views[0]!;
    const r = base.rows.find((x) => x.user_id === v.user_id && x.video_id === v.video_id && x.labels.click === 1)!;
    expect(r.labels.watch).toBeCloseTo(Math.log1p(v.watch_time_sec!), 6);
    expect(r.labels.finish).toBe(v.watch_time_sec! / v.video_duration_sec! > 0.8 ? 1 : 0);
    // likes only ever follow views in this stream, so every liked row is a clicked row
    expect(base.rows.filter((x) => x.labels.like === 1).every((x) => x.labels.click === 1)).toBe(true);
    expect(base.rows.some((x) => x.labels.like === 1)).toBe(true);
  });

  it('no feature reads the future: altering and appending events after t leaves rows at or before t bit-identical', () => {
    const t = T0 + 24 * HOUR;
    const before = world.events.filter((e) => e.ts <= t);
    const after = world.events
      .filter((e) => e.ts > t)
      .map((e) => (e.type === 'view' ? { ...e, watch_time_sec: 0.1 } : e.type === 'skip' ? { ...e, type: 'view' as const, watch_time_sec: 99 } : e));
    const extra = [...world.videos.keys()].slice(0, 5).flatMap((video_id, i) => [
      ev({ type: 'view', user_id: 'u1', video_id, ts: t + 1 + i, watch_time_sec: 50 }),
      ev({ type: 'like', user_id: 'u2', video_id, ts: t + 1 + i }),
    ]);
    const altered = build([...before, ...[...after, ...extra].sort((a, b) => a.ts - b.ts)]);
    const early = (rows: TrainingRow[]) => rows.filter((r) => r.ts <= t);
    const a = early(base.rows);
    const b = new Map(early(altered.rows).map((r) => [key(r), r]));
    expect(a.length).toBeGreaterThan(100);
    expect(b.size).toBe(a.length);
    for (const r of a) {
      const s = b.get(key(r))!;
      expect(Buffer.from(s.dense.buffer).equals(Buffer.from(r.dense.buffer))).toBe(true);
      expect([...s.ids]).toEqual([...r.ids]);
    }
    // and the alteration is visible later, so the comparison above could have failed
    const late = base.rows.filter((r) => r.ts > t + HOUR);
    const lateAltered = new Map(altered.rows.map((r) => [key(r), r]));
    expect(late.some((r) => !Buffer.from(lateAltered.get(key(r))!.dense.buffer).equals(Buffer.from(r.dense.buffer)))).toBe(true);
  });

  it('an event at exactly the impression time is not visible to it, one a millisecond earlier is', () => {
    const imp = world.events.find((e) => e.type === 'impression' && e.ts > T0 + 12 * HOUR)!;
    const other = [...world.videos.keys()].find((v) => v !== imp.video_id)!;
    const rowFor = (viewTs: number) => {
      const extra = ev({ type: 'view', user_id: imp.user_id, video_id: other, ts: viewTs, watch_time_sec: 3, video_duration_sec: 10 });
      const events = [...world.events.filter((e) => e !== imp), extra, imp].sort((a, b) => a.ts - b.ts);
      return build(events).rows.find((r) => r.ts === imp.ts && r.user_id === imp.user_id && r.video_id === imp.video_id)!;
    };
    const base0 = base.rows.find((r) => r.ts === imp.ts && r.user_id === imp.user_id && r.video_id === imp.video_id)!;
    const at = rowFor(imp.ts);
    const earlier = rowFor(imp.ts - 1);
    expect([...at.dense]).toEqual([...base0.dense]);
    const col = DENSE_OFFSET.u_views_24h_log;
    expect(Math.expm1(earlier.dense[col]!)).toBeCloseTo(Math.expm1(base0.dense[col]!) + 1, 4);
  });

  it('delayed feedback: impressions younger than the label window at the end of the data are left out', () => {
    const imps = world.events.filter((e) => e.type === 'impression');
    const end = imps[Math.floor(imps.length / 2)]!.ts + HOUR / 2;
    const cut = build(world.events.filter((e) => e.ts <= end), end);
    const young = world.events.filter((e) => e.type === 'impression' && e.ts <= end && e.ts + HOUR > end).length;
    expect(young).toBeGreaterThan(0);
    expect(cut.stats.droppedOpenWindow).toBe(young);
    expect(cut.rows.every((r) => r.ts + HOUR <= end)).toBe(true);
    // a 2 h window drops more
    expect(build(world.events.filter((e) => e.ts <= end), end, 2 * HOUR).stats.droppedOpenWindow).toBeGreaterThan(young);
  });

  it('labels only join within the window: a like 2 h later does not count', () => {
    const u = 'u3';
    const v = 'v5';
    const events = [
      ev({ type: 'impression', user_id: u, video_id: v, ts: T0, position: 2 }),
      ev({ type: 'view', user_id: u, video_id: v, ts: T0 + 5000, watch_time_sec: 5 }),
      ev({ type: 'like', user_id: u, video_id: v, ts: T0 + 2 * HOUR }),
    ];
    const { rows } = build(events, T0 + 3 * HOUR);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.position).toBe(2);
    expect(rows[0]!.labels).toMatchObject({ click: 1, like: 0 });
  });

  it('a view without an impression becomes a clicked impression at the view time', () => {
    const events = [ev({ type: 'view', user_id: 'u4', video_id: 'v1', ts: T0, watch_time_sec: 1000, video_duration_sec: 100 })];
    const { rows, stats } = build(events, T0 + 2 * HOUR);
    expect(stats.viewsWithoutImpression).toBe(1);
    expect(rows[0]!.labels).toEqual({ click: 1, watch: Math.log1p(1000), like: 0, finish: 1, dislike: 0 });
    expect(rows[0]!.ts).toBe(T0);
  });

  it('refuses events out of time order', () => {
    const b = trainingRows({ videos: world.videos, onRow: () => {} });
    b.push(world.events[10]!);
    expect(() => b.push(world.events[0]!)).toThrow(EventOrderError);
  });
});
