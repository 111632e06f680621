import { describe, expect, it } from 'vitest';
import { seededWorld } from '../features/seeded-events.js';
import { trainingRows, type TrainingRow } from '../features/training-rows.js';
import { EventSchema, type Event } from '../schemas.js';
import { lightContextCapture } from './capture.js';
import { LightRankerError } from './errors.js';
import { CONTEXT_DIM, contextInputs } from './layout.js';
import { sessionTracker } from './session.js';

const world = seededWorld(3);
const MIN = 60_000;

function replay(events: Event[], endMs = world.endMs) {
  const capture = lightContextCapture(world.videos);
  const got: { row: TrainingRow; context: Float32Array }[] = [];
  const rows = trainingRows({ videos: world.videos, users: world.users, onRow: (row) => got.push({ row, context: capture.take(row) }) });
  for (const e of events) capture.push(e), rows.push(e);
  capture.finish();
  rows.finish(endMs);
  return got;
}

describe('light context capture', () => {
  it('pairs every emitted row with the session context from strictly earlier events', () => {
    const got = replay(world.events);
    expect(got.length).toBeGreaterThan(100);
    // Reference: a fresh tracker fed only the events before each row's instant.
    for (const { row, context } of got.filter((_, i) => i % 17 === 0)) {
      const tr = sessionTracker();
      for (const e of world.events) {
        if (e.ts >= row.ts) break;
        const v = world.videos.get(e.video_id)!;
        tr.apply(e.user_id, { type: e.type, ts: e.ts, category: v.category, creator_id: v.creator_id });
      }
      const want = new Float32Array(CONTEXT_DIM);
      contextInputs(world.videos.get(row.video_id)!, tr.view(row.user_id, row.ts), row.ts, want);
      expect(context).toEqual(want);
    }
    // The stream has sessions with skips and watches, so the columns are not all trivially zero.
    expect(got.some((g) => g.context[3]! > 0)).toBe(true);
    expect(got.some((g) => g.context[4]! > 0)).toBe(true);
  });

  it('a view at the same instant as an impression is invisible to it', () => {
    const t = world.endMs;
    const ev = (type: Event['type'], ts: number, video_id: string, i: number) =>
      EventSchema.parse({ event_id: `y${i}`, user_id: 'solo', video_id, ts, type, ...(type === 'view' && { watch_time_sec: 3 }) });
    const got = replay([ev('impression', t, 'v1', 0), ev('view', t, 'v1', 1), ev('impression', t + MIN, 'v2', 2)], t + 7 * 24 * 60 * MIN);
    expect(got.map((g) => g.context[4])).toEqual([0, Math.fround(Math.log(2))]); // log1p(session watches)
  });

  it('throws for a row it never captured', () => {
    const capture = lightContextCapture(world.videos);
    expect(() => capture.take({ ts: 1, user_id: 'u', video_id: 'v0' })).toThrow(LightRankerError);
  });
});
