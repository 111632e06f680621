// Job: per-user candidate lists merged from every source, scored by the heavy ranker, plus the
// related ("Up Next") list of every video and the fresh-upload pool. An incremental run writes lists
// only for users with new events; the publisher layers them over the parent version.
import { existsSync } from 'node:fs';
import { sourceMask, storedScore, TASKS, type ListColumns, type RankedItem, type RankedList, type SourceName } from '../../models/candidates.js';
import { GLOBAL_REGION } from '../../models/keys.js';
import { startOrtThread } from '../ranker/ort-thread.js';
import { annSource } from '../candidates/ann-source.js';
import { categorySource } from '../candidates/category-source.js';
import { clusterVectors } from '../candidates/clusters.js';
import { followedSource, uploadsByCreator } from '../candidates/followed-source.js';
import { freshPool, freshSource } from '../candidates/fresh-source.js';
import { heavyRanker, type HeavyRanker } from '../candidates/heavy-rank.js';
import { item2itemSource } from '../candidates/item2item-source.js';
import { mergeSources, RRF_K } from '../candidates/merge.js';
import { relatedLists } from '../candidates/related.js';
import { trendingSource } from '../candidates/trending-source.js';
import type { CandidateSource, Scored } from '../candidates/types.js';
import { readVectorsFile, type Vectors } from '../embeddings/vectors-file.js';
import { openShards, type ShardSet } from '../index-shards/query-shards.js';
import { progress } from '../io/progress.js';
import { KV_LIST_ARTIFACTS } from '../io/staged-build.js';
import { listWriter } from '../io/staged-lists.js';
import { copyRankerFiles, latestRankerVersion, loadStagedRanker } from '../ranker/staged-model.js';
import type { BuildContext } from '../rebuild/context.js';
import type { ReplayPass } from '../rebuild/replay-pass.js';
import { categoryPools, trendingLists } from '../stats/lists.js';
import { newCounts, rates } from '../stats/video-stats.js';
import { ALS_ITEMS_FILE, ALS_USERS_FILE } from './embeddings.js';
import { indexDir, ITEM_INDEXES, type IndexName } from './index-shards.js';
import { TT_ITEMS_FILE, TT_USERS_FILE } from './two-tower.js';

const USER_BATCH = 512;

export async function candidatesJob(ctx: BuildContext): Promise<void> {
  const pass = await ctx.pass();
  await ctx.stage('candidates', async () => {
    const c = ctx.config;
    const { agg, videos } = pass;
    const nowMs = pass.logEndMs;
    const asScored = (l: RankedList) => l.items.map((i) => ({ id: i.video_id, score: i.score }));
    const trending = new Map(trendingLists(agg, c.trendingListSize, { videos, version: ctx.version, nowMs }).map((l) => [l.key, asScored(l)]));
    const pools = new Map([...categoryPools(agg, c.categoryPoolSize, videos)].map(([cat, l]) => [cat, l.map(([id, score]) => ({ id, score }))]));
    const quality = (id: string) => {
      const r = rates(pass.counts.videos.get(id) ?? newCounts(), pass.counts.total);
      return r.view_rate * r.mean_watch_ratio + r.like_rate - 2 * r.dislike_rate;
    };
    const fresh = freshPool(
      [...videos.values()].map((v) => ({ id: v.video_id, category: v.category, uploadTs: v.upload_ts, quality: quality(v.video_id) })),
      nowMs,
      { maxAgeHours: c.freshMaxAgeHours, size: c.freshPoolSize },
    );

    const indexes = await openIndexes(ctx);
    const ms = { related: 0, clusters: 0, ann: 0, merge: 0, rank: 0, write: 0 };
    const lap = (k: keyof typeof ms, t0: number) => ((ms[k] += performance.now() - t0), performance.now());
    let t = performance.now();
    const clusters = await videoClusters(ctx);
    const catalogue = new Map([...videos.values()].map((v) => [v.video_id, { creator: v.creator_id, category: v.category, cluster: clusters.get(v.video_id) ?? 0, uploadTs: v.upload_ts }]));
    t = lap('clusters', t);
    const related = await writeRelated(ctx, pass, indexes, clusters);
    t = lap('related', t);

    const ann = (name: SourceName, index: IndexName, usersFile: string) => {
      const set = indexes.get(index);
      if (!set || !existsSync(ctx.path(usersFile))) return [];
      return [readVectorsFile(ctx.path(usersFile)).then((v) => annSource(name, { dims: v.dims, vectorOf: rowLookup(v), search: set.search, k: c.annK }))];
    };
    const annSources = await Promise.all([...ann('collaborative', 'als', ALS_USERS_FILE), ...ann('two_tower', 'two_tower', TT_USERS_FILE)]);
    const sources: CandidateSource[] = [
      ...annSources,
      item2itemSource(related, { seeds: 10, perSeed: 30, limit: c.perSourceLimit, seedDecay: 0.85 }),
      followedSource(uploadsByCreator(videos.values()), { maxAgeDays: c.followedMaxAgeDays, perCreator: 10, limit: 50 }),
      categorySource(pools, c.perSourceLimit),
      trendingSource(trending, c.perSourceLimit),
      freshSource(fresh, 30),
    ];
    const ranker = await loadRanker(ctx);

    const changed = ctx.changedUsers(pass);
    const userIds = [...agg.users.keys()].filter((id) => !changed || changed.has(id));
    const perSource: Record<string, number> = {};
    const w = listWriter(ctx.path(KV_LIST_ARTIFACTS.candidates.file), { gzipLevel: 1 });
    const head = { version: ctx.version, generated_at: nowMs };
    const bar = progress('user lists', { total: userIds.length, log: ctx.log, everyMs: 5000 });
    // Batches of users: while the model scores one batch on its own thread, the next batch is merged
    // and its feature rows built here; lists are written in order as their scores arrive.
    let pending: Promise<void> = Promise.resolve();
    try {
      for (let b = 0; b < userIds.length; b += USER_BATCH) {
        const batch = userIds.slice(b, b + USER_BATCH);
        t = performance.now();
        for (const s of annSources) s.prefetch(batch);
        t = lap('ann', t);
        const heads = batch.map((userId) => {
          const profile = agg.users.get(userId)!;
          const u = { userId, region: pass.users.get(userId)?.region, profile, nowMs };
          const { kept } = mergeSources(
            sources.map((s) => ({ source: s.name, items: s.retrieve(u) })),
            { weights: c.sourceWeights, exclude: (id) => profile.watched.has(id) || profile.disliked.has(id), limit: c.retrieveSize },
          );
          // The heavy ranker scores the head of the merged list (its cost is per row); the rest is cut.
          return { userId, head: kept.slice(0, ranker ? c.heavyRankSize : c.userListSize) };
        });
        t = lap('merge', t);
        const input = ranker?.rows(pass.state, heads.map((h) => ({ userId: h.userId, videos: h.head.map((k) => videos.get(k.id)!) })), nowMs);
        const scored = input ? ranker!.run(input) : null;
        t = lap('rank', t);
        const previous = pending;
        pending = (async () => {
          const out = scored ? ranker!.finish((await scored).preds) : null;
          await previous;
          const t0 = performance.now();
          let row = 0;
          for (const { userId, head: merged } of heads) {
            let order = merged.map((_, i) => i);
            let scores: ArrayLike<number> = merged.map((k) => k.score);
            if (out) {
              const blended = blendRanks(out.scores.subarray(row, row + merged.length), c.heavyRankerBlend);
              order.sort((a, b) => blended[b]! - blended[a]! || (merged[a]!.id < merged[b]!.id ? -1 : 1));
              order = order.slice(0, c.userListSize);
              scores = blended;
            }
            const cols = listColumns(catalogue, order.map((i) => merged[i]!), order.map((i) => scores[i]!), out && { preds: out.preds, rows: order.map((i) => row + i) });
            if (out) row += merged.length;
            for (const i of order) perSource[merged[i]!.sources[0]!] = (perSource[merged[i]!.sources[0]!] ?? 0) + 1;
            await w.writeColumns({ key: userId, ...head }, cols);
            bar.tick();
          }
          lap('write', t0);
        })();
        pending.catch(() => {}); // awaited below or after the loop; this only keeps Node from calling it unhandled
        // Keep at most one batch in flight; its failure surfaces here.
        await previous;
      }
      await pending;
    } finally {
      await ranker?.close();
    }
    await w.close();
    const freshList: RankedList = { key: GLOBAL_REGION, version: ctx.version, generated_at: nowMs, items: fresh.map((f) => toItem(videos, f.id, f.quality, ['fresh'], clusters)) };
    const fw = listWriter(ctx.path(KV_LIST_ARTIFACTS.fresh.file));
    await fw.write(freshList);
    await fw.close();
    const done = bar.done();
    Object.assign(ctx.summary, {
      users_with_lists: done.count,
      ...Object.fromEntries(Object.entries(ms).map(([k, v]) => [`candidates_${k}_seconds`, Math.round(v / 10) / 100])),
      lists: ctx.incremental ? 'incremental' : 'full',
      heavy_ranker: ranker ? ranker.version : 'none',
      fresh_pool: fresh.length,
      ...Object.fromEntries(Object.entries(perSource).map(([s, n]) => [`top_source_${s}`, n])),
    });
    ctx.log(`  ${done.count.toLocaleString('en')} user lists in ${done.seconds.toFixed(1)} s; ranked by ${ranker ? `heavy ranker ${ranker.version}` : 'merged retrieval score (no ranker staged yet: run `npm run job -- train-ranker`)'}`);
  });
}

/**
 * Final order: the retrieval rank (input order) and the heavy ranker's rank fused by reciprocal rank,
 * `blend` of the weight on the ranker. Ranks, not scores, because the two are on different scales.
 */
export function blendRanks(heavy: ArrayLike<number>, blend: number): Float64Array {
  const order = Array.from({ length: heavy.length }, (_, i) => i).sort((a, b) => heavy[b]! - heavy[a]! || a - b);
  const heavyRank = new Int32Array(heavy.length);
  order.forEach((row, rank) => (heavyRank[row] = rank));
  return Float64Array.from({ length: heavy.length }, (_, i) => ((1 - blend) / (RRF_K + i) + blend / (RRF_K + heavyRank[i]!)) * RRF_K);
}

type CatalogueEntry = { creator: string; category: string; cluster: number; uploadTs: number };

/** One list's columns: items in final order with their scores, and predictions from the given rows. */
function listColumns(catalogue: Map<string, CatalogueEntry>, items: { id: string; sources: SourceName[] }[], scores: number[], preds: { preds: Float32Array; rows: number[] } | null): ListColumns {
  const n = items.length;
  const cols = { ids: new Array<string>(n), creators: new Array<string>(n), categories: new Array<string>(n), sources: new Int32Array(n), clusters: new Int32Array(n), uploadTs: new Float64Array(n) };
  items.forEach((it, i) => {
    const v = catalogue.get(it.id)!;
    cols.ids[i] = it.id;
    cols.creators[i] = v.creator;
    cols.categories[i] = v.category;
    cols.sources[i] = sourceMask(it.sources);
    cols.clusters[i] = v.cluster;
    cols.uploadTs[i] = v.uploadTs;
  });
  const T = TASKS.length;
  const p = preds && new Float32Array(n * T);
  if (p) preds!.rows.forEach((r, i) => p.set(preds!.preds.subarray(r * T, (r + 1) * T), i * T));
  return { ...cols, scores, ...(p && { preds: p }) };
}

function toItem(videos: Map<string, { creator_id: string; category: string; upload_ts: number }>, id: string, score: number, sources: SourceName[], clusters: Map<string, number>): RankedItem {
  const v = videos.get(id)!;
  return { video_id: id, creator_id: v.creator_id, category: v.category, sources, score: storedScore(score), cluster: clusters.get(id) ?? 0, upload_ts: v.upload_ts };
}

const rowLookup = (v: Vectors) => {
  const at = new Map(v.ids.map((id, i) => [id, i]));
  return (id: string) => {
    const i = at.get(id);
    return i === undefined ? undefined : v.data.subarray(i * v.dims, (i + 1) * v.dims);
  };
};

async function openIndexes(ctx: BuildContext): Promise<Map<IndexName, ShardSet>> {
  const out = new Map<IndexName, ShardSet>();
  for (const name of Object.keys(ITEM_INDEXES) as IndexName[]) if (existsSync(ctx.path(indexDir(name)))) out.set(name, await openShards(ctx.path(indexDir(name))));
  return out;
}

/** Up Next per video, staged for KV, and the same lists kept in memory as item-to-item neighbours. */
async function writeRelated(ctx: BuildContext, pass: ReplayPass, indexes: Map<IndexName, ShardSet>, clusters: Map<string, number>): Promise<Map<string, Scored[]>> {
  const vectors = await Promise.all([...indexes].map(async ([n, set]) => ({ set, v: await readVectorsFile(ctx.path(ITEM_INDEXES[n].vectors)) })));
  const related = relatedLists(pass.videoIds, vectors, ctx.config.relatedSize);
  const w = listWriter(ctx.path(KV_LIST_ARTIFACTS.related.file));
  for (const [id, list] of related) {
    await w.write({ key: id, version: ctx.version, generated_at: pass.logEndMs, items: list.map((s) => toItem(pass.videos, s.id, s.score, ['item2item'], clusters)) } satisfies RankedList);
  }
  await w.close();
  ctx.summary.related_lists = related.size;
  return related;
}

/** A k-means cluster per video for the edge's MMR, over the two-tower vectors (every video has one). */
async function videoClusters(ctx: BuildContext): Promise<Map<string, number>> {
  const file = existsSync(ctx.path(TT_ITEMS_FILE)) ? TT_ITEMS_FILE : ALS_ITEMS_FILE;
  if (!existsSync(ctx.path(file))) return new Map();
  const v = await readVectorsFile(ctx.path(file));
  const ids = clusterVectors(v.data, v.dims);
  return new Map(v.ids.map((id, i) => [id, ids[i]!]));
}

async function loadRanker(ctx: BuildContext): Promise<(HeavyRanker & { version: string; close(): Promise<void> }) | null> {
  const version = latestRankerVersion(ctx.files);
  if (!version) return null;
  const staged = loadStagedRanker(ctx.files, version);
  // The lists ship with the model that scored them (the edge's light ranker reads its predictions).
  copyRankerFiles(ctx.files, version, ctx.dir);
  const thread = await startOrtThread(staged.onnx, staged.weights);
  return { ...heavyRanker({ run: (input) => thread.run(input), norm: staged.norm, calibrators: staged.calibrators }), version, close: () => thread.close() };
}
