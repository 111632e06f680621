// GET /healthz: the published manifest and each store's liveness, checked in parallel under small
// budgets. Redis being down keeps ok=true (the feed fails open without it) but is reported.
import { Hono } from 'hono';
import { HEALTH_CHECK_BUDGET_MS, REDIS_TOKEN_HINT, readConfig } from '../config.js';
import { elapsedMs, withBudget, type Outcome } from '../budget.js';
import { storesFromEnv } from '../stores/from-env.js';

type StoreState = 'up' | 'down' | 'not configured';
const state = (o: Outcome<unknown>): StoreState => (o.status === 'ok' ? 'up' : 'down');

export const healthzRoute = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  const started = performance.now();
  const config = readConfig(c.env);
  const stores = storesFromEnv(c.env, config);
  const realtime = stores.realtime;
  const [manifest, r2, redis] = await Promise.all([
    stores.manifest.readCurrent(),
    withBudget(HEALTH_CHECK_BUDGET_MS, () => stores.artifacts.head('healthz/probe')),
    realtime ? withBudget(HEALTH_CHECK_BUDGET_MS, () => realtime.ping()) : null,
  ]);
  const kv: StoreState = manifest.status === 'ok' || manifest.status === 'missing' ? 'up' : 'down';
  const stores_ = { kv, r2: state(r2), redis: redis ? state(redis) : ('not configured' as const) };
  const m = manifest.manifest;
  const notes = [
    ...(redis === null ? [REDIS_TOKEN_HINT] : []),
    ...(manifest.status === 'missing' ? ['no manifest published yet: run `npm run rebuild`'] : []),
    ...(manifest.status === 'stale' ? [`KV unreachable; serving the last manifest read (${manifest.detail})`] : []),
  ];
  const ok = kv === 'up' && stores_.r2 === 'up';
  return c.json(
    {
      ok,
      manifest: m && { version: m.version, created_at: m.created_at, parent_version: m.parent_version, build: m.build },
      stores: stores_,
      timings: { kv_ms: manifest.ms, r2_ms: r2.ms, redis_ms: redis?.ms ?? null, total_ms: elapsedMs(started) },
      ...(notes.length > 0 && { notes }),
    },
    ok ? 200 : 503,
  );
});
