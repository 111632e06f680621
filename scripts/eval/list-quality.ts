// The quality bar run: rebuild on a train-only view of the world, then score per user with test-day
// positive engagement their candidate list, their region's trending list and the oracle's list — the
// bar's binary NDCG, recall, and the full metrics per list kind (kind-metrics.ts) with the build funnel.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RebuildConfig } from '../../functions/config.js';
import { loadUsers, loadVideos } from '../../functions/io/catalog.js';
import { eventLogDays, type WorldFiles } from '../../functions/io/world-files.js';
import { buildFunnel } from './funnel.js';
import { DEFAULT_CUTOFFS, type Cutoffs } from './list-scores.js';
import { metricDefinitionsJson } from './metric-definitions.js';
import { loadTruth, oracleList, oracleTimes } from './oracle-list.js';
import { trainPopularity } from './popularity.js';
import { verdict } from './quality-bar.js';
import { scoreUsers } from './score-users.js';
import { splitDays } from './split.js';
import { readSplitEvents } from './split-events.js';
import { stageLists } from './stage-lists.js';
import { readStagedLists } from './staged-lists.js';
import { trainView } from './train-view.js';

export type ListQualityOptions = {
  files: WorldFiles;
  config: RebuildConfig;
  splitAt?: string;
  cutoffs?: Cutoffs;
  /** Keep the temp train view (and the build staged in it) for inspection. */
  keepView?: boolean;
  /** Train the heavy ranker on the train view first (default), as production scores its lists. */
  ranker?: boolean;
  log?: (l: string) => void;
};
export type ListQualityReport = Awaited<ReturnType<typeof listQuality>>;

export async function listQuality(o: ListQualityOptions) {
  const log = o.log ?? console.log;
  const c = o.cutoffs ?? DEFAULT_CUTOFFS;
  const t0 = performance.now();
  const split = splitDays(eventLogDays(o.files).map((d) => d.day), o.splitAt);
  const view = await trainView(o.files, split);
  log(`train view ${view.files.dir}: ${split.trainDays.length} train days, ${view.videoIds.length} videos (${view.heldBackVideos} uploaded from ${split.splitDay} on held back)`);
  try {
    const staged = await stageLists({ files: view.files, config: o.config, stateDir: join(view.files.dir, 'state'), ranker: o.ranker, log });
    const [candidates, trending, events, users, videos] = await Promise.all([
      readStagedLists(staged.dir, 'candidates'),
      readStagedLists(staged.dir, 'trending'),
      readSplitEvents(o.files, split.splitMs),
      loadUsers(o.files),
      loadVideos(view.files),
    ]);
    const truth = existsSync(o.files.truthDir) ? await loadTruth(o.files.dir) : null;
    if (!truth) log(`no ${o.files.truthDir}: the oracle needs a generated world, lists/oracle is not measured`);
    const times = oracleTimes(split.testDays);
    const scored = scoreUsers({
      events,
      candidates,
      trending,
      regionOf: (userId) => users.get(userId)?.region,
      oracle: truth && ((userId, watched) => oracleList(truth, userId, view.videoIds, watched, times, c.kWide)),
      cutoffs: c,
      catalogue: { videoIds: view.videoIds, creatorOf: new Map([...videos.values()].map((v) => [v.video_id, v.creator_id])) },
      popularity: trainPopularity(events.watched, events.trainUsers.size, view.videoIds),
    });
    const means = scored.means;
    return {
      protocol: 'time',
      split_at: new Date(split.splitMs).toISOString(),
      train_days: split.trainDays,
      test_days: split.testDays,
      k: c.k,
      k_wide: c.kWide,
      train_events: events.train,
      test_events: events.test,
      videos_before_split: view.videoIds.length,
      build: { version: staged.version, ...staged.build },
      users_scored: means.lists.users,
      users_without_list: scored.usersWithoutList,
      oracle_score: 'P(view) × E[watch ratio | view], mean over noon UTC of each test day, position 0',
      lists: means,
      bar: verdict(means.lists.ndcg, means.trending.ndcg, means.oracle?.ndcg ?? null),
      metric_definitions: metricDefinitionsJson(),
      /** Every metric per list kind at k and k_wide (kind-metrics.ts); the bar above reads `lists`. */
      metrics: scored.metrics,
      funnel: buildFunnel(staged.build, means.lists.users, scored.metrics.lists, c.k),
      /** The heavy ranker trained on the train view, on its own held-out rows (null with --no-ranker). */
      ranker: staged.ranker,
      seconds: Math.round(performance.now() - t0) / 1000,
    };
  } finally {
    if (!o.keepView) rmSync(view.files.dir, { recursive: true, force: true });
  }
}
