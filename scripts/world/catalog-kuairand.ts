// A catalogue and user base drawn from real KuaiRand-Pure metadata (Kuaishou short-video app,
// CC BY-SA 4.0, Gao et al., CIKM 2022). Latents (quality, vectors, tastes) are still synthetic.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { drawDuration, drawQuality, emptyVideoTable, fillVideoVec, makeCentroids, type Catalog, type Creator } from './catalog.js';
import { BACK_CATALOGUE_DAYS, BACK_CATALOGUE_SHARE } from './catalog-synthetic.js';
import { CatalogSourceError } from './errors.js';
import { kuairandTagName } from './kuairand-tags.js';
import { stream } from './rng.js';
import type { Activity, UserBase } from './users.js';
import { REGIONS } from './vocab.js';

const DAY_MS = 86_400_000;
export const KUAIRAND_DIR = fileURLToPath(new URL('./kuairand/', import.meta.url));
export const KUAIRAND_VIDEOS = 'video_features_basic_pure.csv.gz';
export const KUAIRAND_USERS = 'user_features_pure.csv.gz';

type Row = Record<string, string>;
function readCsv(dir: string, name: string): Row[] {
  const path = join(dir, name);
  if (!existsSync(path)) throw new CatalogSourceError(`KuaiRand table not found: ${path}`);
  const text = (name.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString('utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

/** n rows out of the table, chosen by a seeded partial shuffle, kept in table order; capped at the table size. */
function sample<T>(rows: T[], n: number, seed: number, name: string): T[] {
  if (n >= rows.length) return rows;
  const s = stream(seed, name);
  const idx = Array.from(rows, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + s.int(idx.length - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => rows[i]!);
}

export function kuairandCatalog(dir: string, seed: number, nVideos: number, startMs: number, endMs: number): Catalog {
  const rows = sample(readCsv(dir, KUAIRAND_VIDEOS), nVideos, seed, 'kr-videos');
  const catNames = [...new Set(rows.map((r) => kuairandTagName((r.tag ?? '').split(',')[0]!)))].sort();
  const catOf = new Map(catNames.map((c, i) => [c, i]));
  const categoryWeight = new Float64Array(catNames.length);
  const creators: Creator[] = [];
  const creatorOf = new Map<string, number>();
  const t = emptyVideoTable(rows.length);
  const centroids = makeCentroids(seed, catNames.length);
  // Upload dates keep their order but are stretched over the window, with the first share before it.
  const order = rows.map((r, i) => ({ i, key: `${r.upload_dt ?? ''}|${String(Number(r.video_id)).padStart(10, '0')}` })).sort((a, b) => a.key.localeCompare(b.key));
  const nBack = Math.round(rows.length * BACK_CATALOGUE_SHARE);
  order.forEach(({ i }, rank) => {
    const frac = rank < nBack ? rank / Math.max(1, nBack) : (rank - nBack) / Math.max(1, rows.length - nBack);
    t.upload[i] = Math.floor(rank < nBack ? startMs - (1 - frac) * BACK_CATALOGUE_DAYS * DAY_MS : startMs + frac * (endMs - startMs));
  });
  rows.forEach((r, i) => {
    const s = stream(seed, 'kr-video', Number(r.video_id));
    const tags = (r.tag ?? '').split(',').filter((x) => x.trim() !== '');
    const category = catOf.get(kuairandTagName(tags[0] ?? ''))!;
    const author = r.author_id ?? 'unknown';
    let c = creatorOf.get(author);
    if (c === undefined) {
      creatorOf.set(author, (c = creators.length));
      creators.push({ id: `kc${author}`, category, region: stream(seed, 'kr-creator', Number(author) || 0).int(REGIONS.length) });
    }
    const ms = Number(r.video_duration);
    t.id[i] = `kr${r.video_id}`;
    t.creator[i] = c;
    t.category[i] = category;
    t.region[i] = creators[c]!.region;
    t.quality[i] = drawQuality(s, 0);
    t.duration[i] = ms > 0 ? Math.round(Math.min(86_400_000, ms) / 100) / 10 : drawDuration(s);
    t.tags[i] = [...new Set(tags.map(kuairandTagName))];
    categoryWeight[category]!++;
    fillVideoVec(t, i, centroids[category]!, s);
  });
  return { categories: catNames, categoryWeight, creators, videos: t, centroids };
}

const ACTIVITY: Record<string, Activity> = {
  full_active: 'high',
  high_active: 'high',
  middle_active: 'medium',
  low_active: 'low',
  single_low_active: 'low',
  '2_14_day_new': 'new',
  day_new: 'new',
  '30day_retention': 'low',
};

/** KuaiRand users as generator bases: activity from user_active_degree, signup from register_days. */
export function kuairandUsers(dir: string, seed: number, nUsers: number, endMs: number): UserBase[] {
  return sample(readCsv(dir, KUAIRAND_USERS), nUsers, seed, 'kr-users').map((r) => {
    const activity = ACTIVITY[r.user_active_degree ?? ''] ?? 'low';
    const s = stream(seed, 'kr-user', Number(r.user_id));
    // register_days counts back from the end of the window; users KuaiRand marks new joined in its last week.
    const daysAgo = activity === 'new' ? s.float() * 7 : Number(r.register_days) + s.float();
    return { user_id: `ku${r.user_id}`, activity, signup_ts: Math.floor(endMs - daysAgo * DAY_MS) };
  });
}

