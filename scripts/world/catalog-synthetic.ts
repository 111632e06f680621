// A synthetic catalogue: Zipf-sized creators with a home category, videos uploaded every hour of the
// window (stratified by hour) plus a back catalogue from before it.
import { cumulative, stream } from './rng.js';
import { CATEGORIES, REGIONS, categoryPopularity } from './vocab.js';
import { drawDuration, drawQuality, emptyVideoTable, fillVideoVec, makeCentroids, type Catalog, type Creator } from './catalog.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const VIDEOS_PER_CREATOR = 8;
/** Share of videos uploaded before the window (the back catalogue) and how far back it goes. */
export const BACK_CATALOGUE_SHARE = 0.2;
export const BACK_CATALOGUE_DAYS = 30;

export function syntheticCatalog(seed: number, nVideos: number, startMs: number, endMs: number): Catalog {
  const categories = [...CATEGORIES];
  const categoryWeight = categoryPopularity(categories.length);
  const catCum = cumulative(categoryWeight);
  const regionCum = cumulative(REGIONS.map((r) => r.share));
  const nCreators = Math.max(3, Math.round(nVideos / VIDEOS_PER_CREATOR));
  const creators: Creator[] = [];
  const productivity = new Float64Array(nCreators);
  const level = new Float64Array(nCreators);
  for (let c = 0; c < nCreators; c++) {
    const s = stream(seed, 'creator', c);
    creators.push({ id: `c${c}`, category: s.pickCumulative(catCum), region: s.pickCumulative(regionCum) });
    productivity[c] = Math.exp(1.0 * s.normal()); // a few prolific creators, many occasional ones
    level[c] = 0.5 * s.normal();
  }
  const creatorCum = cumulative(productivity);
  const centroids = makeCentroids(seed, categories.length);
  const t = emptyVideoTable(nVideos);
  const nBack = Math.round(nVideos * BACK_CATALOGUE_SHARE);
  const nNew = nVideos - nBack;
  const hours = Math.max(1, Math.round((endMs - startMs) / HOUR_MS));
  for (let i = 0; i < nVideos; i++) {
    const s = stream(seed, 'video', i);
    const c = s.pickCumulative(creatorCum);
    const creator = creators[c]!;
    const category = s.chance(0.8) ? creator.category : s.pickCumulative(catCum);
    t.id[i] = `v${i}`;
    t.creator[i] = c;
    t.category[i] = category;
    t.region[i] = creator.region;
    t.quality[i] = drawQuality(s, level[c]!);
    t.duration[i] = drawDuration(s);
    t.tags[i] = [categories[category]!];
    // In-window uploads are stratified by hour so every hour of a big enough world sees new videos.
    t.upload[i] =
      i < nBack
        ? Math.floor(startMs - s.float() * BACK_CATALOGUE_DAYS * DAY_MS)
        : startMs + Math.floor(((i - nBack) * hours) / nNew) * HOUR_MS + Math.floor(s.float() * HOUR_MS);
    fillVideoVec(t, i, centroids[category]!, s);
  }
  return { categories, categoryWeight, creators, videos: t, centroids };
}
