// Writes the catalogue and the true latents (truth/): the format evaluation and an oracle read back.
// Field names match engagement.ts's UserSide / VideoSide so a row can be passed to engagement() as is.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ndjsonWriter } from '../../functions/io/ndjson.js';
import type { WorldFiles } from '../../functions/io/world-files.js';
import { eventLogDay } from '../../models/keys.js';
import { round4, videoRow, videoVec, type Catalog } from './catalog.js';
import { LATENT_DIM } from './engagement.js';
import type { Trends } from './trends.js';
import type { SimUser } from './users.js';
import { REGIONS } from './vocab.js';

const DAY_MS = 86_400_000;

export const truthFiles = (files: WorldFiles) => ({
  users: join(files.truthDir, 'users.ndjson.gz'),
  videos: join(files.truthDir, 'videos.ndjson.gz'),
  creators: join(files.truthDir, 'creators.ndjson.gz'),
  trends: join(files.truthDir, 'trends.ndjson.gz'),
  follows: join(files.truthDir, 'follows.ndjson.gz'),
  model: join(files.truthDir, 'model.json'),
});

/** Catalogue rows (VideoSchema), video and creator latents, and the daily regional trends. */
export async function writeCatalogTruth(files: WorldFiles, cat: Catalog, trends: Trends, startMs: number): Promise<void> {
  const t = truthFiles(files);
  const catalog = ndjsonWriter(files.videos);
  const truth = ndjsonWriter(t.videos);
  const v = cat.videos;
  for (let i = 0; i < v.n; i++) {
    await catalog.write(videoRow(cat, i));
    await truth.write({
      video_id: v.id[i],
      creator_id: cat.creators[v.creator[i]!]!.id,
      category: v.category[i],
      category_name: cat.categories[v.category[i]!],
      quality: v.quality[i],
      duration_sec: v.duration[i],
      upload_ts: v.upload[i],
      vec: Array.from(videoVec(v, i)),
    });
  }
  await Promise.all([catalog.close(), truth.close()]);
  const creators = ndjsonWriter(t.creators);
  for (const c of cat.creators) await creators.write({ creator_id: c.id, home_category: c.category, region: REGIONS[c.region]!.id });
  await creators.close();
  const trendOut = ndjsonWriter(t.trends);
  for (const r of trends.rows()) await trendOut.write({ region: r.region, day: eventLogDay(startMs + r.day * DAY_MS), video_id: v.id[r.video], boost: r.boost });
  await trendOut.close();
  mkdirSync(files.truthDir, { recursive: true });
  writeFileSync(
    t.model,
    JSON.stringify({ latent_dim: LATENT_DIM, categories: cat.categories, category_weight: Array.from(cat.categoryWeight), regions: REGIONS, centroids: cat.centroids.map((c) => Array.from(c, round4)) }, null, 2) + '\n',
  );
}

/** A user's truth row: engagement()'s UserSide plus hidden creator affinities and activity rates. */
export const userTruthRow = (u: SimUser, cat: Catalog) => ({
  user_id: u.row.user_id,
  region: u.row.region,
  device: u.side.device,
  signup_ts: u.side.signup_ts,
  tz_hours: u.side.tz_hours,
  activity: u.row.activity,
  taste: Array.from(u.side.taste),
  vec: Array.from(u.side.vec),
  creators: Object.fromEntries([...u.favorites].map(([c, a]) => [cat.creators[c]!.id, a])),
  sessions_per_day: Math.round(u.sessionsPerDay * 1e4) / 1e4,
  session_length: u.sessionLength,
});
