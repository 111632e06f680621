// Train-day popularity of each catalogue video: the share of train-day users who engaged with it
// (viewed, liked, shared or commented — split-events' `watched`). Novelty and popularity bias read it.

export type Popularity = {
  /** Users with at least one train-day event: the denominator of `share`. */
  users: number;
  /** Train-day users who engaged with the video. */
  count(videoId: string): number;
  share(videoId: string): number;
  /** Mid-rank percentile among the catalogue's videos, 0 (least engaged) … 100 (most). */
  percentile(videoId: string): number;
  /**
   * −log2 of the share, add-one smoothed, (count + 1) / (users + 1): a video nobody engaged with in
   * training (a fresh upload) would otherwise be infinitely novel.
   */
  selfInformation(videoId: string): number;
};

/** First index of `sorted` (ascending) whose value is not below (`strict` false) or above (`strict` true) `x`. */
function bound(sorted: number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid]! <= x : sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function trainPopularity(watched: ReadonlyMap<string, ReadonlySet<string>>, trainUsers: number, catalogue: readonly string[]): Popularity {
  const counts = new Map<string, number>();
  for (const videos of watched.values()) for (const id of videos) counts.set(id, (counts.get(id) ?? 0) + 1);
  const count = (id: string) => counts.get(id) ?? 0;
  const sorted = catalogue.map(count).sort((a, b) => a - b);
  return {
    users: trainUsers,
    count,
    share: (id) => (trainUsers === 0 ? 0 : count(id) / trainUsers),
    percentile: (id) => {
      if (sorted.length === 0) return 0;
      const c = count(id);
      const below = bound(sorted, c, false);
      const ties = bound(sorted, c, true) - below;
      return (100 * (below + ties / 2)) / sorted.length;
    },
    selfInformation: (id) => -Math.log2((count(id) + 1) / (trainUsers + 1)),
  };
}
