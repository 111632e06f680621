// Where a world (generated or imported) lives on disk. One folder holds the catalogue, the event log
// partitioned by day (the same layout as the R2 event log), and — for generated worlds — the truth.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_LOG_DAY_RE, eventLogKey } from '../../models/keys.js';

export const DEFAULT_DATA_DIR = process.env.EDGEFEED_DATA ?? 'data';
/** Local KV/R2 state shared by `wrangler dev` and the jobs' getPlatformProxy (also holds local Redis). */
export const DEFAULT_STATE_DIR = process.env.EDGEFEED_STATE ?? '.wrangler/state';

export const worldFiles = (dir: string = DEFAULT_DATA_DIR) => ({
  dir,
  videos: join(dir, 'catalog', 'videos.ndjson.gz'),
  users: join(dir, 'catalog', 'users.ndjson.gz'),
  eventsDir: join(dir, 'events'),
  eventPart: (day: string, part: string) => join(dir, eventLogKey(day, part)),
  truthDir: join(dir, 'truth'),
  /** Generator parameters, counts and time range; importers write their own summary here. */
  meta: join(dir, 'world.json'),
  /** sha256 of every file imported into this world, so a re-import adds nothing twice. */
  imports: join(dir, 'imports.json'),
});
export type WorldFiles = ReturnType<typeof worldFiles>;

/** The day partitions present, oldest first, each with its part files sorted by name. */
export function eventLogDays(files: WorldFiles): { day: string; parts: string[] }[] {
  if (!existsSync(files.eventsDir)) return [];
  return readdirSync(files.eventsDir)
    .map((name) => ({ name, m: EVENT_LOG_DAY_RE.exec(name) }))
    .filter((d) => d.m)
    .map(({ name, m }) => ({
      day: m![1]!,
      parts: readdirSync(join(files.eventsDir, name))
        .filter((f) => f.endsWith('.ndjson.gz'))
        .sort()
        .map((f) => join(files.eventsDir, name, f)),
    }))
    .sort((a, b) => a.day.localeCompare(b.day));
}
