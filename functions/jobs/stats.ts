// Job: per-video, per-creator engagement (smoothed rates) and regional/global trending with time
// decay, staged into the build folder. Trending is the edge's fallback list, so it is a KV artifact.
import { copyFileSync } from 'node:fs';
import { KV_LIST_ARTIFACTS } from '../io/staged-build.js';
import { ndjsonWriter } from '../io/ndjson.js';
import { listWriter } from '../io/staged-lists.js';
import type { BuildContext } from '../rebuild/context.js';
import { completionLists, trendingLists } from '../stats/lists.js';
import { rates } from '../stats/video-stats.js';
import { JobError } from '../errors.js';

export const VIDEO_STATS_FILE = 'video-stats.ndjson.gz';
export const CREATOR_STATS_FILE = 'creator-stats.ndjson.gz';
/** The video catalogue as built from (titles, durations...), published for what shows videos to people (the demo page). */
export const CATALOGUE_FILE = 'catalogue.ndjson.gz';

export async function statsJob(ctx: BuildContext): Promise<void> {
  const pass = await ctx.pass();
  if (pass.events === 0) throw new JobError(`no usable events under ${ctx.files.eventsDir}: generate or import a world first`);
  await ctx.stage('stats', async () => {
    const { agg, counts } = pass;
    const trending = trendingLists(agg, ctx.config.trendingListSize, { videos: pass.videos, version: ctx.version, nowMs: agg.maxTsMs });
    const tw = listWriter(ctx.path(KV_LIST_ARTIFACTS.trending.file));
    for (const list of trending) await tw.write(list);
    await tw.close();
    const videoRates = new Map([...counts.videos].map(([id, c]) => [id, rates(c, counts.total)]));
    const completion = completionLists(videoRates, ctx.config.trendingListSize, { videos: pass.videos, version: ctx.version, nowMs: agg.maxTsMs });
    const cl = listWriter(ctx.path(KV_LIST_ARTIFACTS.completion.file));
    for (const list of completion) await cl.write(list);
    await cl.close();
    copyFileSync(ctx.files.videos, ctx.path(CATALOGUE_FILE));
    const vw = ndjsonWriter(ctx.path(VIDEO_STATS_FILE));
    for (const [id, c] of counts.videos) await vw.write({ video_id: id, creator_id: pass.videos.get(id)!.creator_id, ...rates(c, counts.total) });
    await vw.close();
    const cw = ndjsonWriter(ctx.path(CREATOR_STATS_FILE));
    for (const [id, c] of counts.creators) await cw.write({ creator_id: id, ...rates(c, counts.total) });
    await cw.close();
    Object.assign(ctx.summary, {
      events: pass.events,
      invalid_events: pass.read.invalid,
      events_unknown_video: agg.skippedUnknownVideo,
      users_with_events: agg.users.size,
      videos_with_events: counts.videos.size,
      regions: trending.length - 1,
      log_end: new Date(pass.logEndMs).toISOString(),
    });
    if (pass.read.invalid > 0) ctx.log(`  ${pass.read.invalid} invalid event rows skipped; first: ${JSON.stringify(pass.read.firstInvalid.slice(0, 3))}`);
    ctx.log(`  trending for ${trending.length - 1} regions + global; stats for ${counts.videos.size.toLocaleString('en')} videos, ${counts.creators.size.toLocaleString('en')} creators`);
  });
}
