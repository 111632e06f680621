// A tiny seeded world with known structure for tests: each user has a favourite category (and a region
// that usually agrees with it), picks most positives from it, with Zipf-skewed popularity inside every
// category; creators belong to one category. `cold` videos never appear in positives (new ids).
import type { User, Video } from '../../models/schemas.js';
import { seededRng } from '../../models/train/rng.js';
import type { Positive } from './examples.js';

export type TasteWorldSpec = {
  users: number; categories: number; videosPerCategory: number; creatorsPerCategory: number;
  positivesPerUser: number; coldPerCategory: number;
  /** Share of positives drawn from the favourite category (the rest from any category). */
  loyalty: number;
  seed: number;
};

export const DEFAULT_TASTE_WORLD: TasteWorldSpec = {
  users: 300, categories: 6, videosPerCategory: 40, creatorsPerCategory: 4, positivesPerUser: 30, coldPerCategory: 10, loyalty: 0.85, seed: 7,
};

export const WORLD_START_MS = Date.parse('2026-01-01T00:00:00Z');
export const WORLD_DAYS = 10;
const DAY_MS = 86_400_000;

export type TasteWorld = {
  videos: Map<string, Video>; users: Map<string, User>; positives: Positive[];
  favourite: Map<string, string>; cold: Video[]; endMs: number;
};

export function tasteWorld(spec: Partial<TasteWorldSpec> = {}): TasteWorld {
  const s = { ...DEFAULT_TASTE_WORLD, ...spec };
  const rng = seededRng(s.seed);
  const cats = Array.from({ length: s.categories }, (_, c) => `cat${c}`);
  const video = (id: string, c: number, k: number): Video => ({
    video_id: id, creator_id: `cr${c}-${k % s.creatorsPerCategory}`, category: cats[c]!, tags: [],
    duration_sec: 5 + rng.int(120), upload_ts: WORLD_START_MS - (1 + rng.int(30)) * DAY_MS, region: 'eu', language: 'en', title: id,
  });
  const byCat = cats.map((_, c) => Array.from({ length: s.videosPerCategory }, (_, k) => video(`v${c}-${k}`, c, k)));
  const cold = cats.flatMap((_, c) => Array.from({ length: s.coldPerCategory }, (_, k) => video(`new${c}-${k}`, c, k)));
  // Zipf(1) inside a category: rank k is drawn ∝ 1/(k+1), so popularity is a real but beatable baseline.
  const zipf = Array.from({ length: s.videosPerCategory }, (_, k) => 1 / (k + 1));
  const zsum = zipf.reduce((a, b) => a + b, 0);
  const pickRank = () => {
    let x = rng.uniform() * zsum, k = 0;
    while (k < zipf.length - 1 && (x -= zipf[k]!) > 0) k++;
    return k;
  };
  const users = new Map<string, User>(), favourite = new Map<string, string>(), positives: Positive[] = [];
  for (let u = 0; u < s.users; u++) {
    const id = `u${u}`, fav = rng.int(s.categories);
    const region = rng.uniform() < 0.7 ? `r${fav}` : `r${rng.int(s.categories)}`;
    users.set(id, { user_id: id, region, language: 'en', device: rng.uniform() < 0.5 ? 'ios' : 'android', signup_ts: WORLD_START_MS - DAY_MS });
    favourite.set(id, cats[fav]!);
    const seen = new Set<string>();
    for (let tries = 0; seen.size < s.positivesPerUser && tries < 50 * s.positivesPerUser; tries++) {
      const c = rng.uniform() < s.loyalty ? fav : rng.int(s.categories);
      const v = byCat[c]![pickRank()]!.video_id;
      if (seen.has(v)) continue;
      seen.add(v);
      positives.push({ user_id: id, video_id: v, ts: WORLD_START_MS + Math.floor(rng.uniform() * WORLD_DAYS * DAY_MS) });
    }
  }
  positives.sort((a, b) => a.ts - b.ts || (a.user_id < b.user_id ? -1 : 1));
  const videos = new Map(byCat.flat().map((v) => [v.video_id, v]));
  return { videos, users, positives, favourite, cold, endMs: WORLD_START_MS + WORLD_DAYS * DAY_MS };
}
