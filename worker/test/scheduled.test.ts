import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect, it, vi } from 'vitest';
import worker from '../index.js';

const tick = async (e: Env) => {
  const log = vi.spyOn(console, 'log');
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/10 * * * *', scheduledTime: Date.UTC(2026, 0, 1) }), e, ctx);
  await waitOnExecutionContext(ctx);
  const lines = log.mock.calls.map((c) => String(c[0]));
  log.mockRestore();
  return lines;
};

it('asks the central rebuild hook for a rebuild on each tick (a real hook server, see the test setup)', async () => {
  const lines = await tick(env);
  expect(lines).toContain("scheduled: cron '*/10 * * * *' at 2026-01-01T00:00:00.000Z: rebuild hook answered 202");
});

it('is refused with a wrong token, and only logs without a hook', async () => {
  expect(await tick({ ...env, REBUILD_HOOK_TOKEN: 'wrong' })).toContain(
    "scheduled: cron '*/10 * * * *' at 2026-01-01T00:00:00.000Z: rebuild hook answered 401",
  );
  expect(await tick({ ...env, REBUILD_HOOK_URL: '' })).toContain(
    "scheduled: cron '*/10 * * * *' at 2026-01-01T00:00:00.000Z: no REBUILD_HOOK_URL, rebuilds run on their own schedule",
  );
});
