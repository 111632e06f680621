// Defaults of the central rebuild. Each can be overridden on the command line (see functions/run.ts).
export const rebuildConfig = {
  /** Half-life of the time decay applied to engagement in trending and popularity. */
  trendingHalfLifeHours: 24,
  /** Half-life of overall popularity, the pool per-user lists draw from. */
  popularityHalfLifeHours: 7 * 24,
  /** Items kept per regional/global trending list. */
  trendingListSize: 500,
  /** Items kept per user candidate list (the edge re-ranks these). */
  userListSize: 200,
  /** Popular videos kept per category, the pool per-user lists are drawn from. */
  categoryPoolSize: 400,
  /** KV entries of a version expire after this long unless a newer publish refreshes them. */
  kvTtlSeconds: 7 * 24 * 3600,
  /** Parallel KV writes while publishing. */
  publishConcurrency: 64,
  /** Versions kept locally under data/build before older ones are deleted. */
  keepBuilds: 3,
  /** Versions of the published chain that stay restorable (older R2 objects and manifests are deleted). */
  keepVersions: 5,
  // ---- candidate generation (functions/jobs/candidates.ts) ----
  /** Merged candidates per user before the heavy ranker; it keeps userListSize of them. */
  retrieveSize: 500,
  /** Neighbours fetched per user from each item index (collaborative, two-tower). */
  annK: 100,
  /** Head of the merged list the heavy ranker scores (its cost is per row); the list keeps userListSize of them. */
  heavyRankSize: 200,
  /** Per-source list lengths offered to the merge. */
  perSourceLimit: 200,
  /**
   * Reciprocal-rank-fusion weight per source. Chosen with `npm run eval` on a generated world (fresh
   * uploads and followed creators' latest are what users engage with most per slot) and checked on a
   * second world of another seed; see functions/README.md.
   */
  sourceWeights: { collaborative: 0.5, two_tower: 1.5, item2item: 0.5, followed: 4, category: 1, trending: 0.6, fresh: 3, popular: 0.5 },
  /**
   * Weight of the heavy ranker's order against the retrieval order in the final list (0..1). 0 by
   * measurement: on generated worlds every step toward the ranker's order lowered NDCG@10 (0.2: −7%,
   * 0.5: −21%, 1: −57%); the ranker is trained on logged impressions and ranks unshown videos poorly.
   * Its per-task predictions still ship with each item for the edge's light ranker.
   */
  heavyRankerBlend: 0,
  /** Fresh pool: uploads younger than this, ranked by smoothed engagement. */
  freshMaxAgeHours: 72,
  freshPoolSize: 300,
  /** Followed creators: uploads of the last N days. */
  followedMaxAgeDays: 14,
  /** Related ("Up Next") list length per video. */
  relatedSize: 50,
  // ---- embeddings and indexes ----
  alsFactors: 64,
  alsIterations: 15,
  alsRegularization: 0.01,
  /** Confidence scale c = 1 + alpha·w; 10 recalled more than the paper's 40 on generated worlds (scripts/bench/als.ts). */
  alsAlpha: 10,
  /** worker_threads for ALS (rows of a half-step are independent; the result equals one thread's). */
  alsWorkers: 2,
  twoTowerDims: 32,
  twoTowerEpochs: 3,
  indexShards: 4,
  /** Threads per index build: 0 = all cores; 1 builds the same graph (and files) every run. */
  indexBuildThreads: 0,
  /** The build fails when the index finds fewer of the exact top-10 than this (expansion_search is raised first). */
  recallFloor: 0.95,
  /** An incremental run stacks at most this many layers over the last full run. */
  maxLayers: 4,
};
export type RebuildConfig = typeof rebuildConfig;

/** Engagement weight of each event type in popularity and trending (views add their watch ratio). */
export { ENGAGEMENT_WEIGHT as engagementWeight } from '../models/engagement.js';
