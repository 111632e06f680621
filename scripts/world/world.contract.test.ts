// A small seeded world honours the data contract: every row validates, ids are unique, events point
// at known users and videos, stay in the window and in their day partition, and never precede upload.
import { beforeAll, describe, expect, it } from 'vitest';
import { EventSchema, UserSchema, VideoSchema } from '../../models/schemas.js';
import { eventLogDay } from '../../models/keys.js';
import { loadWorld, SMALL_WORLD, type LoadedWorld } from './test-world.js';

let w: LoadedWorld;
beforeAll(async () => {
  w = await loadWorld();
});

describe('generated world: contract', () => {
  it('writes the requested counts and a world.json summary', () => {
    expect(w.users).toHaveLength(SMALL_WORLD.users);
    expect(w.videos).toHaveLength(SMALL_WORLD.videos);
    expect(w.result.counts.events).toBe(w.events.length);
    expect(w.result.days).toHaveLength(SMALL_WORLD.days);
    expect(w.events.length).toBeGreaterThan(20_000);
  });

  it('validates every catalogue and event row against the zod schemas', () => {
    expect(w.users.filter((u) => !UserSchema.strict().safeParse(u).success)).toEqual([]);
    expect(w.videos.filter((v) => !VideoSchema.strict().safeParse(v).success)).toEqual([]);
    const strict = EventSchema.strict(); // strict: no field outside the contract
    const bad = w.events.filter(({ file: _f, day: _d, ...e }) => !strict.safeParse(e).success);
    expect(bad).toEqual([]);
  });

  it('gives events unique ids that do not depend on the run', () => {
    expect(new Set(w.events.map((e) => e.event_id)).size).toBe(w.events.length);
    expect(w.events.every((e) => /^e[0-9a-z]+-[0-9a-z]+$/.test(e.event_id))).toBe(true);
  });

  it('keeps events inside the window and in the partition of their UTC day', () => {
    const { start_ts, end_ts } = w.result;
    expect(w.events.filter((e) => e.ts < start_ts || e.ts >= end_ts || e.day !== eventLogDay(e.ts))).toEqual([]);
  });

  it('references only catalogue users and videos, with the user region and device', () => {
    const users = new Map(w.users.map((u) => [u.user_id, u]));
    const videos = new Set(w.videos.map((v) => v.video_id));
    const u = (e: { user_id: string }) => users.get(e.user_id);
    expect(w.events.filter((e) => !u(e) || !videos.has(e.video_id) || e.region !== u(e)!.region || e.device !== u(e)!.device)).toEqual([]);
  });

  it('never shows a video before its upload nor a user before signup', () => {
    const upload = new Map(w.videos.map((v) => [v.video_id, v.upload_ts as number]));
    const signup = new Map(w.users.map((u) => [u.user_id, u.signup_ts as number]));
    expect(w.events.filter((e) => e.ts < upload.get(e.video_id)!)).toEqual([]);
    expect(w.events.filter((e) => e.ts < signup.get(e.user_id)!)).toEqual([]);
  });

  it('pairs every impression with exactly one view or skip; views carry watch time and duration', () => {
    const counts = w.result.summary.counts;
    expect(counts.view + counts.skip).toBeGreaterThanOrEqual(counts.impression - 50); // the window end cuts a few
    expect(counts.view + counts.skip).toBeLessThanOrEqual(counts.impression);
    const durations = new Map(w.videos.map((v) => [v.video_id, v.duration_sec]));
    const views = w.events.filter((x) => x.type === 'view');
    expect(views.filter((e) => !(e.watch_time_sec! > 0) || e.video_duration_sec !== durations.get(e.video_id))).toEqual([]);
  });

  it('spreads uploads over the window, hour by hour, plus a back catalogue', () => {
    const { start_ts, end_ts } = w.result;
    const ts = w.videos.map((v) => v.upload_ts as number);
    expect(ts.filter((t) => t < start_ts).length).toBeGreaterThan(20);
    const days = new Set(ts.filter((t) => t >= start_ts).map((t) => eventLogDay(t)));
    expect(days.size).toBe(SMALL_WORLD.days);
    const hours = new Set(ts.filter((t) => t >= start_ts).map((t) => Math.floor(t / 3_600_000)));
    expect(hours.size).toBeGreaterThan(150); // 160 in-window uploads over 168 hours, at most one per hour slot
    expect(Math.max(...ts)).toBeLessThan(end_ts);
  });

  it('draws short-video durations: most 5–60 s, a tail of a few minutes', () => {
    const d = w.videos.map((v) => v.duration_sec);
    expect(d.filter((x) => x >= 5 && x <= 60).length / d.length).toBeGreaterThan(0.7);
    expect(Math.max(...d)).toBeGreaterThan(120);
  });
});
