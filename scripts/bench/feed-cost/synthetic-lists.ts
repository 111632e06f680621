// Seeded ranked lists shaped like a rebuild's output, for the feed-cost benchmark: per-user candidate
// lists carrying the heavy preds (TASKS order), upload time, cluster and category, drawn from a shared
// video pool with ~100 creators, plus trending per region and the fresh-upload pool.
import { TASKS, type RankedItem, type RankedList, type SourceName } from '../../../models/candidates.js';
import { seededRng, type Rng } from '../../../models/train/rng.js';

export type SyntheticWorld = {
  users: number;
  itemsPerUser: number;
  /** Videos the lists draw from; must be at least itemsPerUser. */
  videos: number;
  creators: number;
  categories: number;
  clusters: number;
  trendingRegions: string[];
  trendingItems: number;
  freshItems: number;
  seed: number;
  /** generated_at of every list, and the reference for upload times (ms since the epoch). */
  nowMs: number;
};

export type SyntheticLists = { candidates: RankedList[]; trending: RankedList[]; fresh: RankedList };

const PERSONAL_SOURCES: SourceName[] = ['collaborative', 'item2item', 'followed', 'category', 'two_tower', 'popular'];
const HOUR_MS = 3_600_000;

/** One video of the pool: fixed creator, category, cluster and upload time, as the catalogue would have. */
type PoolVideo = Omit<RankedItem, 'sources' | 'score' | 'preds'>;

function videoPool(w: SyntheticWorld, rng: Rng): PoolVideo[] {
  return Array.from({ length: w.videos }, (_, i) => ({
    video_id: `bv${i}`,
    creator_id: `bc${rng.int(w.creators)}`,
    category: `cat${rng.int(w.categories)}`,
    cluster: rng.int(w.clusters),
    // Up to 30 days old, skewed towards recent uploads.
    upload_ts: w.nowMs - Math.floor(rng.uniform() ** 2 * 30 * 24 * HOUR_MS),
  }));
}

/** Heavy predictions in TASKS order, inside each task's stored range (watch is E[log(1+sec)]). */
const predsFor = (rng: Rng) => TASKS.map((t) => (t === 'watch' ? 1 + rng.uniform() * 4 : t === 'dislike' ? rng.uniform() * 0.05 : rng.uniform()));

/** `k` distinct pool indices, by a partial Fisher–Yates over a scratch permutation. */
function sample(n: number, k: number, rng: Rng, scratch: Int32Array): number[] {
  for (let i = 0; i < n; i++) scratch[i] = i;
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = scratch[i]!;
    scratch[i] = scratch[j]!;
    scratch[j] = t;
    out.push(scratch[i]!);
  }
  return out;
}

function rankedList(key: string, version: string, w: SyntheticWorld, videos: PoolVideo[], sources: (i: number) => SourceName[], rng: Rng): RankedList {
  // Scores fall with rank, as the rebuild writes them (the list is in heavy-score order).
  const items = videos.map((v, i) => ({ ...v, sources: sources(i), score: 1 - i / (videos.length + 1), preds: predsFor(rng) }));
  return { key, version, generated_at: w.nowMs, items };
}

export function syntheticLists(w: SyntheticWorld, version: string): SyntheticLists {
  if (w.videos < Math.max(w.itemsPerUser, w.trendingItems)) throw new RangeError(`videos (${w.videos}) must be at least itemsPerUser and trendingItems`);
  const rng = seededRng(w.seed);
  const pool = videoPool(w, rng);
  const scratch = new Int32Array(w.videos);
  const pick = (k: number) => sample(w.videos, k, rng, scratch).map((i) => pool[i]!);
  const candidates = Array.from({ length: w.users }, (_, u) =>
    rankedList(`bu${u}`, version, w, pick(w.itemsPerUser), () => [PERSONAL_SOURCES[rng.int(PERSONAL_SOURCES.length)]!], rng),
  );
  const trending = w.trendingRegions.map((region) => rankedList(region, version, w, pick(w.trendingItems), () => ['trending'], rng));
  // Fresh uploads: the newest videos of the pool, newest first.
  const newest = [...pool].sort((a, b) => b.upload_ts! - a.upload_ts!).slice(0, w.freshItems);
  const fresh = rankedList('global', version, w, newest, () => ['fresh'], rng);
  return { candidates, trending, fresh };
}
