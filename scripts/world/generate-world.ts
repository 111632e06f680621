// Generates a whole world into a folder, user-major: each user's history is simulated from its own
// seeded stream and streamed into per-day gzip parts, so memory is the catalogue plus one user.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { ndjsonWriter } from '../../functions/io/ndjson.js';
import { progress } from '../../functions/io/progress.js';
import { worldFiles } from '../../functions/io/world-files.js';
import { eventLogDay } from '../../models/keys.js';
import { indexCatalog } from './catalog-index.js';
import { KUAIRAND_DIR, kuairandCatalog, kuairandUsers } from './catalog-kuairand.js';
import { syntheticCatalog } from './catalog-synthetic.js';
import { dayWriters } from './day-writers.js';
import { NEW_USER_DAYS } from './engagement.js';
import { resolveOptions, windowOf } from './options.js';
import { simulateUser, type SimWorld } from './simulate.js';
import { summaryAccumulator } from './summary.js';
import { drawTrends } from './trends.js';
import { truthFiles, userTruthRow, writeCatalogTruth } from './truth.js';
import { makeUser, type UserBase } from './users.js';
import { cumulative } from './rng.js';
import { DEVICES, type EventInput } from '../../models/schemas.js';

const PROGRESS_EVERY_MS = 5_000;
import { REGIONS } from './vocab.js';
import type { WorldOptions } from './types.js';

const DAY_MS = 86_400_000;
export type WorldResult = Awaited<ReturnType<typeof generateWorld>>;

export async function generateWorld(partial: Partial<WorldOptions> = {}) {
  const o = resolveOptions(partial);
  const t0 = performance.now();
  const { startMs, endMs } = windowOf(o);
  const files = worldFiles(o.out);
  for (const p of [files.eventsDir, files.truthDir, files.videos, files.users, files.meta]) rmSync(p, { recursive: true, force: true });
  mkdirSync(files.dir, { recursive: true });

  const krDir = o.catalogDir ?? KUAIRAND_DIR;
  const cat = o.catalog === 'kuairand' ? kuairandCatalog(krDir, o.seed, o.videos, startMs, endMs) : syntheticCatalog(o.seed, o.videos, startMs, endMs);
  const bases: UserBase[] | undefined = o.catalog === 'kuairand' ? kuairandUsers(krDir, o.seed, o.users, endMs) : undefined;
  const nUsers = bases?.length ?? o.users;
  if (cat.videos.n < o.videos) o.log(`note: the catalogue has ${cat.videos.n} videos; --videos ${o.videos} capped`);
  if (nUsers < o.users) o.log(`note: the catalogue has ${nUsers} users; --users ${o.users} capped`);
  const index = indexCatalog(cat);
  const trends = drawTrends(o.seed, cat, index, startMs, o.days);
  const world: SimWorld = { seed: o.seed, cat, index, trends, popularityCum: cumulative(cat.categoryWeight), startMs, endMs, days: o.days };
  await writeCatalogTruth(files, cat, trends, startMs);

  const tf = truthFiles(files);
  const usersOut = ndjsonWriter(files.users);
  const truthUsers = ndjsonWriter(tf.users);
  const follows = ndjsonWriter(tf.follows);
  const events = dayWriters(files, startMs, o.days, o.maxRowsPerPart);
  const summary = summaryAccumulator();
  let eventsWritten = 0;
  const bar = progress('users', {
    total: nUsers,
    everyMs: PROGRESS_EVERY_MS,
    log: o.log,
    detail: (secs) => `events ${eventsWritten.toLocaleString('en')} · ${Math.round(eventsWritten / secs).toLocaleString('en')} ev/s`,
  });
  const buffer: EventInput[] = [];
  const followBuffer: unknown[] = [];
  for (let i = 0; i < nUsers; i++) {
    const u = makeUser(o.seed, i, cat, index, startMs, endMs, bases?.[i], o.sessionScale);
    await usersOut.write(u.row);
    await truthUsers.write(userTruthRow(u, cat));
    const isNew = u.side.signup_ts >= endMs - NEW_USER_DAYS * DAY_MS;
    summary.user(isNew);
    simulateUser(world, u, (e) => buffer.push(e), (f) => followBuffer.push(f));
    for (const e of buffer) {
      summary.event(e, isNew);
      await events.write(e as { ts: number });
    }
    for (const f of followBuffer) await follows.write(f);
    eventsWritten += buffer.length;
    bar.tick();
    buffer.length = 0;
    followBuffer.length = 0;
  }
  const parts = await events.close();
  await Promise.all([usersOut.close(), truthUsers.close(), follows.close()]);

  const stats = summary.result();
  const meta = {
    generator: 'edgefeed-world',
    schema: 1,
    params: { users: o.users, videos: o.videos, days: o.days, seed: o.seed, start: o.start, catalog: o.catalog, session_scale: o.sessionScale },
    seed: o.seed,
    start_ts: startMs,
    end_ts: endMs,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    days: Array.from({ length: o.days }, (_, d) => eventLogDay(startMs + d * DAY_MS)),
    counts: { users: nUsers, videos: cat.videos.n, creators: cat.creators.length, events: stats.events, event_parts: parts.length },
    regions: REGIONS.map((r) => ({ id: r.id, language: r.language, tz_hours: r.tzHours, share: r.share })),
    categories: cat.categories,
    devices: DEVICES,
    summary: stats,
    new_user_days: NEW_USER_DAYS,
    source: o.catalog === 'kuairand' ? 'KuaiRand-Pure metadata (Gao et al., CIKM 2022), CC BY-SA 4.0' : 'synthetic',
  };
  writeFileSync(files.meta, JSON.stringify(meta, null, 2) + '\n');
  const seconds = (performance.now() - t0) / 1000;
  return { ...meta, dir: files.dir, parts, seconds, eventsPerSecond: Math.round(stats.events / seconds) };
}
