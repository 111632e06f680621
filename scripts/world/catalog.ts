// The in-memory video catalogue: typed arrays so 100k videos and their latents stay a few MB.
import type { Video } from '../../models/schemas.js';
import { LATENT_DIM } from './engagement.js';
import { REGIONS } from './vocab.js';
import { stream, type Stream } from './rng.js';

export type Creator = { id: string; category: number; region: number };

export type VideoTable = {
  n: number;
  id: string[];
  creator: Int32Array;
  category: Uint16Array;
  quality: Float64Array;
  duration: Float64Array;
  upload: Float64Array;
  region: Uint8Array;
  vec: Float64Array;
  tags: string[][];
};

export type Catalog = {
  categories: string[];
  /** Relative popularity of each category (how often the logging policy and users reach for it). */
  categoryWeight: Float64Array;
  creators: Creator[];
  videos: VideoTable;
  /** Per-category centre of the latent space; user and video vectors are drawn around them. */
  centroids: Float32Array[];
};

/** Latents are rounded when drawn, so truth/ files hold exactly the numbers the simulator used. */
export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export const emptyVideoTable = (n: number): VideoTable => ({
  n,
  id: new Array<string>(n).fill(''),
  creator: new Int32Array(n),
  category: new Uint16Array(n),
  quality: new Float64Array(n),
  duration: new Float64Array(n),
  upload: new Float64Array(n),
  region: new Uint8Array(n),
  vec: new Float64Array(n * LATENT_DIM),
  tags: new Array<string[]>(n).fill([]),
});

export const makeCentroids = (seed: number, categories: number): Float32Array[] =>
  Array.from({ length: categories }, (_, c) => {
    const s = stream(seed, 'centroid', c);
    return Float32Array.from({ length: LATENT_DIM }, () => s.normal());
  });

/** A video's latent vector: its category's centre plus idiosyncratic noise. */
export function fillVideoVec(t: VideoTable, i: number, centroid: Float32Array, s: Stream): void {
  for (let k = 0; k < LATENT_DIM; k++) t.vec[i * LATENT_DIM + k] = round4(0.7 * centroid[k]! + 0.7 * s.normal());
}

export const videoVec = (t: VideoTable, i: number) => t.vec.subarray(i * LATENT_DIM, (i + 1) * LATENT_DIM);

/** Draws a quality in (0,1): logit-normal around the creator's own level. */
export const drawQuality = (s: Stream, creatorLevel: number) => round4(1 / (1 + Math.exp(-(-0.4 + creatorLevel + 0.9 * s.normal()))));

/** Short-video durations: mostly 5–60 s (log-normal around 18 s), ~8% long-form up to 10 min. */
export function drawDuration(s: Stream): number {
  const longForm = s.chance(0.08);
  const d = Math.exp(Math.log(longForm ? 120 : 18) + (longForm ? 0.6 : 0.75) * s.normal());
  return Math.round(Math.min(600, Math.max(3, d)) * 10) / 10;
}

export function videoRow(cat: Catalog, i: number): Video {
  const v = cat.videos;
  const creator = cat.creators[v.creator[i]!]!;
  const category = cat.categories[v.category[i]!]!;
  const region = REGIONS[v.region[i]!]!;
  return {
    video_id: v.id[i]!,
    creator_id: creator.id,
    category,
    tags: v.tags[i]!,
    duration_sec: v.duration[i]!,
    upload_ts: v.upload[i]!,
    region: region.id,
    language: region.language,
    title: `${category} clip ${i} by ${creator.id}`,
  };
}
