// Regional daily trends: each (region, day) lifts a handful of recent, good, mostly local videos.
// The boost enters the view logit for users of that region on that day (truth/trends).
import { round4, type Catalog } from './catalog.js';
import { uploadedBy, type CatalogIndex } from './catalog-index.js';
import { stream } from './rng.js';
import { REGIONS } from './vocab.js';

const DAY_MS = 86_400_000;
export const TRENDS_PER_REGION_DAY = 6;

export type Trends = {
  /** Trending video indices of (region, day). */
  list(region: number, day: number): readonly number[];
  /** Logit boost of a video for a region on a day, 0 when it is not trending there. */
  boost(region: number, day: number, video: number): number;
  rows(): { region: string; day: number; video: number; boost: number }[];
};

export function drawTrends(seed: number, cat: Catalog, index: CatalogIndex, startMs: number, days: number): Trends {
  const v = cat.videos;
  const lists: number[][] = [];
  const boosts: Map<number, number>[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = startMs + d * DAY_MS;
    const { from, to } = uploadedBy(index.all, 0, dayStart);
    for (let r = 0; r < REGIONS.length; r++) {
      const s = stream(seed, 'trend', d * REGIONS.length + r);
      const picked = new Map<number, number>();
      for (let tries = 0; to > from && picked.size < TRENDS_PER_REGION_DAY && tries < 5000; tries++) {
        const i = index.all.items[from + s.int(to - from)]!;
        const ageDays = (dayStart - v.upload[i]!) / DAY_MS;
        const w = v.quality[i]! * (v.region[i] === r ? 1 : 0.15) * (0.25 + Math.exp(-ageDays / 3));
        if (!picked.has(i) && s.float() * 1.25 < w) picked.set(i, round4(s.uniform(1.0, 2.2)));
      }
      lists.push([...picked.keys()]);
      boosts.push(picked);
    }
  }
  const at = (region: number, day: number) => day * REGIONS.length + region;
  return {
    list: (region, day) => lists[at(region, day)] ?? [],
    boost: (region, day, video) => boosts[at(region, day)]?.get(video) ?? 0,
    rows: () =>
      boosts.flatMap((m, k) => [...m].map(([video, boost]) => ({ region: REGIONS[k % REGIONS.length]!.id, day: Math.floor(k / REGIONS.length), video, boost }))),
  };
}
