// A train-only view of a world: a temp folder whose events/ holds the train-day partitions (symlinks)
// and whose catalogue holds the videos uploaded before the split, so the rebuild cannot see the future.
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readNdjson, ndjsonWriter } from '../../functions/io/ndjson.js';
import { worldFiles, type WorldFiles } from '../../functions/io/world-files.js';
import type { DaySplit } from './split.js';

export type TrainView = { files: WorldFiles; videoIds: string[]; heldBackVideos: number };

export async function trainView(world: WorldFiles, split: DaySplit, dir = mkdtempSync(join(tmpdir(), 'edgefeed-train-view-'))): Promise<TrainView> {
  const files = worldFiles(dir);
  mkdirSync(files.eventsDir, { recursive: true });
  for (const day of split.trainDays) symlinkSync(resolve(world.eventsDir, `dt=${day}`), join(files.eventsDir, `dt=${day}`), 'dir');
  mkdirSync(dirname(files.users), { recursive: true });
  copyFileSync(world.users, files.users);
  const videoIds: string[] = [];
  let heldBackVideos = 0;
  const out = ndjsonWriter(files.videos);
  for await (const v of readNdjson<{ video_id: string; upload_ts: number }>(world.videos)) {
    if (!(v.upload_ts < split.splitMs)) {
      heldBackVideos++;
      continue;
    }
    videoIds.push(v.video_id);
    await out.write(v);
  }
  await out.close();
  return { files, videoIds, heldBackVideos };
}
