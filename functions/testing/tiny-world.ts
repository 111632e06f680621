// A hand-sized world for tests of the central jobs: every number in it can be checked by hand.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventInput, User, Video } from '../../models/schemas.js';
import { ndjsonWriter } from '../io/ndjson.js';
import { eventLogDay } from '../../models/keys.js';
import { worldFiles, type WorldFiles } from '../io/world-files.js';

export const T0 = Date.parse('2026-03-01T00:00:00Z');
export const HOUR = 3_600_000;

export const tinyVideos: Video[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
  video_id: id,
  creator_id: `cr${i % 3}`,
  category: i < 3 ? 'music' : 'sports',
  tags: [],
  duration_sec: 20,
  upload_ts: T0 - 24 * HOUR,
  region: 'eu',
  language: 'en',
  title: `video ${id}`,
}));
export const tinyUsers: User[] = [
  { user_id: 'u1', region: 'eu', language: 'en', device: 'ios', signup_ts: T0 - 100 * 24 * HOUR },
  { user_id: 'u2', region: 'us', language: 'en', device: 'android', signup_ts: T0 - 100 * 24 * HOUR },
  { user_id: 'u3', region: 'us', language: 'en', device: 'web', signup_ts: T0 - 1 * HOUR },
];

let seq = 0;
export const view = (user: string, video: string, ts: number, watch = 10): EventInput => ({
  event_id: `e${seq++}`,
  user_id: user,
  video_id: video,
  ts,
  type: 'view',
  watch_time_sec: watch,
  video_duration_sec: 20,
});
export const like = (user: string, video: string, ts: number): EventInput => ({ event_id: `e${seq++}`, user_id: user, video_id: video, ts, type: 'like' });

export async function writeWorld(events: EventInput[], dir = mkdtempSync(join(tmpdir(), 'edgefeed-world-'))): Promise<WorldFiles> {
  const files = worldFiles(dir);
  const vw = ndjsonWriter(files.videos);
  for (const v of tinyVideos) await vw.write(v);
  await vw.close();
  const uw = ndjsonWriter(files.users);
  for (const u of tinyUsers) await uw.write(u);
  await uw.close();
  const days = new Map<string, EventInput[]>();
  for (const e of events) {
    const day = eventLogDay(e.ts as number);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  for (const [day, rows] of days) {
    const w = ndjsonWriter(files.eventPart(day, 'part-0000'));
    for (const r of rows) await w.write(r);
    await w.close();
  }
  return files;
}
