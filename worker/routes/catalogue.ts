// GET /v1/catalogue?ids=a,b,c: what a page shows of each video (title, creator, category, duration,
// upload time), from the catalogue the served build published. Titles are a nicety: a missing,
// slow or broken catalogue answers 200 with `videos: []` and a `fallback` saying why, never a 5xx.
import { Hono } from 'hono';
import { ID_MAX_CHARS, readConfig } from '../config.js';
import { describeError, withBudget } from '../budget.js';
import { BadRequestError } from '../errors.js';
import { errorHandler } from '../middleware/error-handler.js';
import type { Fallback } from '../pipeline/fallback.js';
import { storesFromEnv } from '../stores/from-env.js';
import type { CatalogueVideo } from '../demo/catalogue-artifact.js';
import { isolateCatalogues } from '../demo/catalogue-cache.js';
import { CatalogueError } from '../demo/errors.js';
import { manifestFallback } from './present.js';

export const CATALOGUE_IDS_MAX = 100;
/** A cold isolate decodes the whole catalogue; past this the answer goes without titles while the load runs on. */
export const CATALOGUE_BUDGET_MS = 2_000;

export type CatalogueBody = { videos: CatalogueVideo[]; fallback?: Fallback };

/** `ids` as a list of distinct video ids, or a 400 naming `ids`. */
export function parseIds(raw: string | undefined): string[] {
  const ids = [...new Set((raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (ids.length === 0) throw new BadRequestError('ids', 'ids is required: comma-separated video ids');
  if (ids.length > CATALOGUE_IDS_MAX) throw new BadRequestError('ids', `ids must list at most ${CATALOGUE_IDS_MAX} video ids (got ${ids.length})`);
  const long = ids.find((id) => id.length > ID_MAX_CHARS);
  if (long) throw new BadRequestError('ids', `ids: each video id must be at most ${ID_MAX_CHARS} characters`);
  return ids;
}

export const catalogueRoute = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  const ids = parseIds(c.req.query('ids'));
  const send = (body: CatalogueBody) => {
    c.header('cache-control', body.fallback ? 'no-store' : 'public, max-age=60');
    return c.json<CatalogueBody>(body, 200);
  };
  const read = await storesFromEnv(c.env, readConfig(c.env)).manifest.readCurrent();
  if (!read.manifest) return send({ videos: [], fallback: manifestFallback(read)! });
  const manifest = read.manifest;
  const loaded = await withBudget(CATALOGUE_BUDGET_MS, () => isolateCatalogues.get(manifest, c.env.ARTIFACTS));
  if (loaded.status === 'timeout') return send({ videos: [], fallback: { reason: 'catalogue-loading', detail: `not loaded within ${loaded.budgetMs} ms; try again` } });
  if (loaded.status === 'error') {
    // Anything but a CatalogueError is a bug here: let it reach the error handler.
    if (!(loaded.error instanceof CatalogueError)) throw loaded.error;
    console.error(`GET /v1/catalogue: ${describeError(loaded.error)}`);
    return send({ videos: [], fallback: { reason: loaded.error.reason, detail: loaded.error.message } });
  }
  const videos = loaded.value.videos;
  return send({ videos: ids.flatMap((id) => videos.get(id) ?? []) });
});
catalogueRoute.onError(errorHandler());
