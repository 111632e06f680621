// `npm run eval`: time-split offline evaluation of what the rebuild publishes. Train on events before
// --split-at (default: the log's last 2 days are the test), build lists with the rebuild's own code,
// and score them against what each user engaged with afterwards (views ≥ 50% watched, likes, shares,
// comments). Baselines side by side: regional trending for everyone vs the per-user lists.
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { watchRatio } from '../models/schemas.js';
import { rebuildConfig } from '../functions/config.js';
import { loadUsers, loadVideos } from '../functions/io/catalog.js';
import { newReadStats, readEventLog } from '../functions/io/events.js';
import { worldFiles } from '../functions/io/world-files.js';
import { addEvent, newAggregates } from '../functions/stats/aggregate.js';
import { categoryPools, trendingLists, userList } from '../functions/stats/lists.js';
import { accumulate, emptySums, means } from './eval/metrics.js';
import { latestRankerBuild, rankerVsOracle } from './eval/ranker-oracle.js';

const DAY = 86_400_000;
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'split-at': { type: 'string' },
    k: { type: 'string', default: '10' },
    out: { type: 'string' },
    protocol: { type: 'string', default: 'time' },
    'ranker-oracle': { type: 'boolean', default: false },
    version: { type: 'string' },
  },
});
if (values.protocol !== 'time') throw new Error(`--protocol ${values.protocol}: only 'time' exists so far`);
const files = worldFiles(values.data);
const k = Number(values.k);

async function logEnd(): Promise<number> {
  if (existsSync(files.meta)) {
    const end = Date.parse(JSON.parse(readFileSync(files.meta, 'utf8')).end ?? '');
    if (Number.isFinite(end)) return end;
  }
  let max = 0;
  for await (const e of readEventLog(files, newReadStats())) max = Math.max(max, e.ts);
  return max;
}

async function rankerOracle() {
  const version = values.version ?? latestRankerBuild(files);
  if (!version) throw new Error(`no ranker build with test predictions under ${files.dir}/build: run \`npm run job -- train-ranker\``);
  const r = await rankerVsOracle(files, version);
  console.log(`ranker ${version} against the generator's oracle, on the ranker's held-out rows`);
  console.log('task      rows     ranker AUC  oracle AUC');
  for (const [t, m] of Object.entries(r.tasks)) console.log(`${t.padEnd(8)} ${String(m.rows).padStart(7)}  ${m.ranker_auc.toFixed(4).padStart(10)}  ${m.oracle_auc.toFixed(4).padStart(10)}`);
  const out = values.out ?? `reports/ranker-oracle-${version}.json`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(r, null, 2));
  console.log(`report: ${out}`);
}

async function main() {
  if (values['ranker-oracle']) return rankerOracle();
  const t0 = performance.now();
  const [videos, users] = await Promise.all([loadVideos(files), loadUsers(files)]);
  const splitMs = values['split-at'] ? Date.parse(values['split-at']) : (await logEnd()) - 2 * DAY;
  if (!Number.isFinite(splitMs)) throw new Error(`--split-at ${values['split-at']}: not an ISO date`);
  const agg = newAggregates();
  const relevant = new Map<string, Set<string>>();
  const ctx = { videos, users, trendingHalfLifeHours: rebuildConfig.trendingHalfLifeHours, popularityHalfLifeHours: rebuildConfig.popularityHalfLifeHours };
  let train = 0;
  let test = 0;
  for await (const e of readEventLog(files, newReadStats())) {
    if (e.ts < splitMs) {
      addEvent(agg, e, ctx);
      train++;
      continue;
    }
    test++;
    const engaged = (e.type === 'view' && (watchRatio(e) ?? 0) >= 0.5) || e.type === 'like' || e.type === 'share' || e.type === 'comment';
    if (!engaged) continue;
    let set = relevant.get(e.user_id);
    if (!set) relevant.set(e.user_id, (set = new Set()));
    set.add(e.video_id);
  }
  const listCtx = { videos, version: 'eval', nowMs: splitMs };
  const trending = new Map(trendingLists(agg, rebuildConfig.trendingListSize, listCtx).map((l) => [l.key, l.items]));
  const pools = categoryPools(agg, rebuildConfig.categoryPoolSize, videos);
  const sums = { trending: emptySums(), lists: emptySums() };
  for (const [userId, rel] of relevant) {
    const profile = agg.users.get(userId);
    // Items seen in training cannot be recommended again; they are not test targets either.
    for (const id of profile?.watched ?? []) rel.delete(id);
    if (rel.size === 0) continue;
    const regional = trending.get(users.get(userId)?.region ?? '') ?? trending.get('global') ?? [];
    const unseen = regional.filter((i) => !profile?.watched.has(i.video_id)).map((i) => i.video_id);
    accumulate(sums.trending, unseen, rel, k);
    const personal = profile ? userList(userId, profile, pools, regional, rebuildConfig.userListSize, listCtx).items.map((i) => i.video_id) : unseen;
    accumulate(sums.lists, personal, rel, k);
  }
  const report = {
    protocol: 'time',
    split_at: new Date(splitMs).toISOString(),
    k,
    train_events: train,
    test_events: test,
    baselines: { regional_trending: means(sums.trending), popularity_lists: means(sums.lists) },
    seconds: Math.round(performance.now() - t0) / 1000,
  };
  const out = values.out ?? `reports/eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`time split at ${report.split_at}: ${train.toLocaleString('en')} train / ${test.toLocaleString('en')} test events`);
  console.log(`baseline            users  HitRate@${k}  Recall@${k}  NDCG@${k}`);
  for (const [name, m] of Object.entries(report.baselines))
    console.log(`${name.padEnd(19)} ${String(m.users).padStart(5)}  ${m.hit_rate.toFixed(4).padStart(10)}  ${m.recall.toFixed(4).padStart(9)}  ${m.ndcg.toFixed(4).padStart(7)}`);
  console.log(`report: ${out}`);
}

main().catch((err: unknown) => {
  console.error(`eval failed: ${(err as Error).message}`);
  process.exit(1);
});
