// GET /v1/trending: the region's trending list, or the global one when the region has none.
import { Hono } from 'hono';
import { GLOBAL_REGION } from '../../models/keys.js';
import { readConfig } from '../config.js';
import { StoreUnavailableError } from '../stores/errors.js';
import { FALLBACK_HEADER, fallbackFromChain } from '../pipeline/fallback.js';
import { runPipeline } from '../pipeline/run.js';
import { trendingPipeline } from '../pipeline/trending-pipeline.js';
import { plainQuery } from '../sources/feed-query.js';
import { storesFromEnv } from '../stores/from-env.js';
import { debugJson, itemJson, manifestFallback } from './present.js';
import { TrendingParams, isDebug, parseQuery } from './query.js';
import { chooseRegions, type CfGeo } from './region.js';

export const trendingRoute = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  const params = parseQuery(TrendingParams, c.req.query());
  const config = readConfig(c.env);
  const stores = storesFromEnv(c.env, config);
  const cf = c.req.raw.cf as CfGeo;
  const regions = chooseRegions(params.region, cf, config.defaultRegion);

  const read = await stores.manifest.readCurrent();
  if (read.status === 'timeout' || read.status === 'error') throw new StoreUnavailableError('kv', `manifest ${read.status}: ${read.detail}`);
  const debug = isDebug(params.debug);
  if (!read.manifest) {
    const fallback = manifestFallback(read)!;
    c.header(FALLBACK_HEADER, fallback.reason);
    return c.json({ region: regions.region, served_region: null, version: null, items: [], fallback, ...(debug && { debug: debugJson(read, null) }) });
  }

  const pipeline = trendingPipeline({ lists: stores.lists });
  const result = await runPipeline(pipeline, plainQuery({ userId: null, n: params.n, served: new Set<number>(), manifest: read.manifest, regions: regions.tryRegions }));
  // Asking for the global list is not a fallback, whatever the regional step reports.
  const wantsGlobal = regions.tryRegions.length === 0 && regions.region === GLOBAL_REGION;
  const fallback = manifestFallback(read) ?? (wantsGlobal ? null : fallbackFromChain(pipeline.sources, result.report.chain));
  if (fallback) c.header(FALLBACK_HEADER, fallback.reason);
  return c.json({
    region: regions.region,
    served_region: result.meta.region ?? null,
    version: read.manifest.version,
    items: result.page.map(itemJson),
    ...(fallback && { fallback }),
    ...(debug && { debug: debugJson(read, result) }),
  });
});
