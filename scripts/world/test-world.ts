// Test helper: generates a small seeded world into a temp folder, loads it whole, removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNdjson } from '../../functions/io/ndjson.js';
import { eventLogDays, worldFiles } from '../../functions/io/world-files.js';
import type { Event, User, Video } from '../../models/schemas.js';
import { auc as sharedAuc } from '../../models/metrics/classification.js';
import { generateWorld, type WorldResult } from './generate-world.js';
import { loadTruth, type Truth } from './truth-reader.js';
import type { WorldOptions } from './types.js';

export const SMALL_WORLD = { users: 300, videos: 200, days: 7, seed: 7 } as const;

export type LoadedWorld = {
  result: WorldResult;
  dir: string;
  users: User[];
  videos: Video[];
  /** Events with the day partition and file they were read from. */
  events: (Event & { file: string; day: string })[];
  truth: Truth;
};

export async function loadWorld(opts: Partial<WorldOptions> = {}): Promise<LoadedWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'edgefeed-world-'));
  const result = await generateWorld({ ...SMALL_WORLD, out: dir, log: () => {}, ...opts });
  const files = worldFiles(dir);
  const users: User[] = [];
  const videos: Video[] = [];
  const events: LoadedWorld['events'] = [];
  for await (const u of readNdjson<User>(files.users)) users.push(u);
  for await (const v of readNdjson<Video>(files.videos)) videos.push(v);
  for (const { day, parts } of eventLogDays(files))
    for (const file of parts) for await (const e of readNdjson<Event>(file)) events.push({ ...e, file, day });
  const truth = await loadTruth(dir);
  rmSync(dir, { recursive: true, force: true }); // everything is in memory now
  return { result, dir, users, videos, events, truth };
}

/** Impressions joined with their outcome (view, watch ratio, like, dislike) by user, video and position. */
export function impressionOutcomes(events: Event[]) {
  type Imp = { user: string; video: string; ts: number; position: number; viewed: boolean; ratio?: number; liked: boolean; disliked: boolean };
  const byKey = new Map<string, Imp>();
  const all: Imp[] = [];
  for (const e of events) {
    const key = `${e.user_id}|${e.video_id}|${e.position}`;
    if (e.type === 'impression') {
      const imp: Imp = { user: e.user_id, video: e.video_id, ts: e.ts, position: e.position!, viewed: false, liked: false, disliked: false };
      byKey.set(key, imp);
      all.push(imp);
      continue;
    }
    const imp = byKey.get(key);
    if (!imp) continue;
    if (e.type === 'view') {
      imp.viewed = true;
      imp.ratio = Math.min(1, e.watch_time_sec! / e.video_duration_sec!);
    } else if (e.type === 'like') imp.liked = true;
    else if (e.type === 'dislike') imp.disliked = true;
  }
  return all;
}

/** AUC against boolean labels (the shared metric, ties counted half). */
export const auc = (scores: number[], labels: boolean[]): number => sharedAuc(scores, labels.map(Number));

export const rate = (xs: boolean[]) => xs.filter(Boolean).length / Math.max(1, xs.length);
