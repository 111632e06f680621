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
};
export type RebuildConfig = typeof rebuildConfig;

/** Engagement weight of each event type in popularity and trending (views add their watch ratio). */
export const engagementWeight = {
  impression: 0,
  view: 0.5,
  like: 2,
  share: 3,
  comment: 2,
  follow: 2,
  dislike: -3,
  skip: -0.05,
} as const;
