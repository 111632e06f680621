// The cron trigger (wrangler.toml [triggers]): asks the central runner for a rebuild. The rebuild itself
// runs on Node (functions/), not in the isolate; the tick is fire-and-forget through waitUntil and never
// throws (a busy or unreachable runner is logged; the next tick tries again).
export async function scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  const at = new Date(controller.scheduledTime).toISOString();
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
