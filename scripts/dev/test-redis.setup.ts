// Vitest global setup: one real redis-server (temp dir, no persistence) and the Upstash REST gateway in
// front of it, each on a free port, shared by the worker and node projects for the whole run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from 'vitest'; // loads the module the ProvidedContext augmentation below extends
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.js';
import { createGateway } from './redis-gateway.js';
import { startRebuildHook } from '../../functions/rebuild-hook.js';
import { findRedisServer, INSTALL_HINT, startRedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    upstashUrl: string;
    upstashToken: string;
    rebuildHookUrl: string;
    rebuildHookToken: string;
  }
}

export default async function setup(project: TestProject) {
  if (findRedisServer() === null) throw new Error(`Tests need a real redis-server: ${INSTALL_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), 'edgefeed-test-redis-'));
  const redis = await startRedisServer({ port: await freePort(), dir, persist: false });
  const token = randomBytes(24).toString('hex');
  // workerd reaches the gateway over plain http on 127.0.0.1, like any outbound fetch.
  const gateway = await createGateway({ redisUrl: redis.url, token, port: 0, host: '127.0.0.1' }).catch(
    async (err: unknown) => {
      await redis.stop();
      throw err;
    },
  );
  project.provide('upstashUrl', gateway.url);
  project.provide('upstashToken', token);
  process.env.EDGEFEED_TEST_REDIS_URL = redis.url; // for node tests that want raw Redis (ioredis)
  // The cron test's hook: the real server, running a no-op command instead of a rebuild.
  const hookToken = randomBytes(16).toString('hex');
  const hook = await startRebuildHook({ token: hookToken, command: [process.execPath, '-e', ''], port: 0, log: () => {} });
  project.provide('rebuildHookUrl', hook.url);
  project.provide('rebuildHookToken', hookToken);

  return async () => {
    await hook.close();
    await gateway.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
