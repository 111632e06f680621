// Job: one pass over the event log → regional/global trending and per-user popularity lists, staged
// under data/build/<version>/. Nothing is published here (see the publish job).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadUsers, loadVideos } from '../io/catalog.js';
import { newReadStats, readEventLog } from '../io/events.js';
import { ndjsonWriter } from '../io/ndjson.js';
import { progress } from '../io/progress.js';
import { buildDir, KV_LIST_ARTIFACTS, newVersion, type BuildInfo } from '../io/staged-build.js';
import type { WorldFiles } from '../io/world-files.js';
import type { RebuildConfig } from '../config.js';
import { addEvent, newAggregates } from '../stats/aggregate.js';
import { categoryPools, trendingLists, userList } from '../stats/lists.js';
import { JobError } from '../errors.js';

export type BuildListsOptions = { files: WorldFiles; config: RebuildConfig; version?: string; log?: (l: string) => void };

export async function buildLists(o: BuildListsOptions): Promise<BuildInfo> {
  const log = o.log ?? console.log;
  const version = o.version ?? newVersion();
  const t0 = performance.now();
  const [videos, users] = await Promise.all([loadVideos(o.files), loadUsers(o.files)]);
  log(`  catalogue: ${videos.size.toLocaleString('en')} videos, ${users.size.toLocaleString('en')} users`);

  const agg = newAggregates();
  const stats = newReadStats();
  const bar = progress('events', { log });
  const ctx = { videos, users, trendingHalfLifeHours: o.config.trendingHalfLifeHours, popularityHalfLifeHours: o.config.popularityHalfLifeHours };
  for await (const e of readEventLog(o.files, stats)) {
    addEvent(agg, e, ctx);
    bar.tick();
  }
  const read = bar.done();
  if (agg.events === 0) throw new JobError(`no usable events under ${o.files.eventsDir}: generate or import a world first`);
  if (stats.invalid > 0) log(`  ${stats.invalid} invalid event rows skipped; first: ${JSON.stringify(stats.firstInvalid.slice(0, 3))}`);

  const dir = buildDir(o.files, version);
  mkdirSync(dir, { recursive: true });
  const listCtx = { videos, version, nowMs: agg.maxTsMs };
  const trending = trendingLists(agg, o.config.trendingListSize, listCtx);
  const tw = ndjsonWriter(join(dir, KV_LIST_ARTIFACTS.trending.file));
  for (const list of trending) await tw.write(list);
  await tw.close();

  const pools = categoryPools(agg, o.config.categoryPoolSize, videos);
  const byRegion = new Map(trending.map((l) => [l.key, l.items]));
  const cw = ndjsonWriter(join(dir, KV_LIST_ARTIFACTS.candidates.file));
  const userBar = progress('user lists', { total: agg.users.size, log });
  for (const [userId, profile] of agg.users) {
    const region = users.get(userId)?.region;
    const regional = (region && byRegion.get(region)) || byRegion.get('global') || [];
    await cw.write(userList(userId, profile, pools, regional, o.config.userListSize, listCtx));
    userBar.tick();
  }
  await cw.close();

  const info: BuildInfo = {
    version,
    created_at: new Date().toISOString(),
    complete: true,
    build: {
      job: 'build-lists',
      events: agg.events,
      invalid_events: stats.invalid,
      events_unknown_video: agg.skippedUnknownVideo,
      users_with_lists: agg.users.size,
      regions: trending.length - 1,
      log_end: new Date(agg.maxTsMs).toISOString(),
      events_per_second: Math.round(read.count / read.seconds),
      seconds: Math.round((performance.now() - t0) / 10) / 100,
    },
  };
  writeFileSync(join(dir, 'build.json'), JSON.stringify(info, null, 2));
  return info;
}
