import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect, it, vi } from 'vitest';
import worker from '../index.js';

it('runs the cron handler, which only logs for now', async () => {
  const log = vi.spyOn(console, 'log');
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/10 * * * *', scheduledTime: Date.UTC(2026, 0, 1) }), env, ctx);
  await waitOnExecutionContext(ctx);
  expect(log).toHaveBeenCalledWith("scheduled: cron '*/10 * * * *' at 2026-01-01T00:00:00.000Z: nothing to do");
  log.mockRestore();
});
