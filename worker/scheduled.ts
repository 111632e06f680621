// The cron trigger (wrangler.toml [triggers]): refreshes the live trending snapshots from Redis and
// asks the central runner for a rebuild. The rebuild itself runs on Node (functions/), not in the
// isolate; both are fire-and-forget through waitUntil and never throw (a busy or unreachable
// dependency is logged; the next tick tries again).
import { readConfig } from './config.js';
import { refreshTrendingSnapshots } from './cron/trending-snapshots.js';
import { storesFromEnv } from './stores/from-env.js';

export async function scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  const at = new Date(controller.scheduledTime).toISOString();
  ctx.waitUntil(snapshotTrending(env, controller.cron, at));
  if (!env.REBUILD_HOOK_URL) {
    console.log(`scheduled: cron '${controller.cron}' at ${at}: no REBUILD_HOOK_URL, rebuilds run on their own schedule`);
    return;
  }
  ctx.waitUntil(requestRebuild(env.REBUILD_HOOK_URL, env.REBUILD_HOOK_TOKEN ?? '', controller.cron, at));
}

async function requestRebuild(url: string, token: string, cron: string, at: string): Promise<void> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cron, scheduled_time: at }),
      signal: AbortSignal.timeout(5000),
    });
    console.log(`scheduled: cron '${cron}' at ${at}: rebuild hook answered ${res.status}${res.status === 409 ? ' (one is running)' : ''}`);
  } catch (err) {
    console.log(`scheduled: cron '${cron}' at ${at}: rebuild hook unreachable (${String(err)})`);
  }
}

async function snapshotTrending(env: Env, cron: string, at: string): Promise<void> {
  const stores = storesFromEnv(env, readConfig(env));
  if (!stores.realtime) return console.log(`scheduled: cron '${cron}' at ${at}: no realtime store, trending snapshots skipped`);
  const r = await refreshTrendingSnapshots({ manifest: stores.manifest, lists: stores.lists, kv: env.FEED_KV, realtime: stores.realtime }, Date.now());
  console.log(`scheduled: cron '${cron}' at ${at}: trending snapshots ${r.status === 'ok' ? `refreshed for ${r.regions.length} regions (${r.movers} moving videos)` : `${r.status}: ${r.detail}`}`);
}
