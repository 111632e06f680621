// Realtime state for the local stack: reuse a redis-server already on the port, else start one with
// its append-only file under the wrangler state, then put the Upstash REST gateway in front of it.
// With no redis-server installed the stack still starts; the feed then fails open without realtime.
import { join } from 'node:path';
import { createGateway, type Gateway } from './redis-gateway.js';
import { findRedisServer, INSTALL_HINT, isRedisUp, startRedisServer, type RedisServer } from './redis-server.js';

export type LocalRedis = { gateway: Gateway | null; redisUrl: string | null; note: string; stop(): Promise<void> };

export async function startLocalRedis(o: { redisPort: number; gatewayPort: number; token: string; stateDir: string }): Promise<LocalRedis> {
  const redisUrl = `redis://127.0.0.1:${o.redisPort}`;
  let server: RedisServer | null = null;
  if (!(await isRedisUp(redisUrl))) {
    if (findRedisServer() === null) {
      return {
        gateway: null,
        redisUrl: null,
        note: `OFF — redis-server is not installed, so realtime features (seen filter, session signals) are off; ${INSTALL_HINT}`,
        stop: async () => {},
      };
    }
    server = await startRedisServer({ port: o.redisPort, dir: join(o.stateDir, 'redis'), persist: true });
  }
  const gateway = await createGateway({ redisUrl, token: o.token, port: o.gatewayPort, host: '127.0.0.1' });
  return {
    gateway,
    redisUrl,
    note: `${gateway.url} (Upstash REST gateway) → ${redisUrl}${server ? ' (started, data in ' + join(o.stateDir, 'redis') + ')' : ' (already running)'}`,
    stop: async () => {
      await gateway.close();
      await server?.stop();
    },
  };
}
