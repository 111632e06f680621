import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisServerStartError } from './errors.js';
import { freePort } from './free-port.js';
import { findRedisServer, isRedisUp, startRedisServer } from './redis-server.js';

const dir = mkdtempSync(join(tmpdir(), 'edgefeed-redis-server-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withRedis<T>(url: string, fn: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { protocol: 2 });
  try {
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

describe('local redis-server management', () => {
  it('finds redis-server, or answers null where it is not', () => {
    const bin = findRedisServer();
    expect(bin).not.toBeNull();
    expect(existsSync(bin as string)).toBe(true);
    expect(findRedisServer([dir])).toBeNull();
  });

  it('tells a running Redis from a closed port', async () => {
    expect(await isRedisUp(process.env.EDGEFEED_TEST_REDIS_URL as string)).toBe(true);
    expect(await isRedisUp(`redis://127.0.0.1:${await freePort()}`, 300)).toBe(false);
  });

  it('keeps data across restarts with persist, and loses it without', async () => {
    const port = await freePort();
    const persistent = join(dir, 'persistent');
    let server = await startRedisServer({ port, dir: persistent, persist: true });
    await withRedis(server.url, (r) => r.set('kept', 'yes'));
    await server.stop();
    expect(await isRedisUp(server.url, 300)).toBe(false);
    server = await startRedisServer({ port, dir: persistent, persist: true });
    expect(await withRedis(server.url, (r) => r.get('kept'))).toBe('yes');
    await server.stop();

    const scratch = join(dir, 'scratch');
    server = await startRedisServer({ port, dir: scratch });
    await withRedis(server.url, (r) => r.set('lost', 'yes'));
    await server.stop();
    server = await startRedisServer({ port, dir: scratch });
    expect(await withRedis(server.url, (r) => r.get('lost'))).toBeNull();
    await server.stop();
  });

  it('fails with a clear error when the port is taken by another Redis, rather than adopting it', async () => {
    const taken = Number(new URL(process.env.EDGEFEED_TEST_REDIS_URL as string).port);
    const attempt = startRedisServer({ port: taken, dir: join(dir, 'taken') });
    await expect(attempt).rejects.toThrow(RedisServerStartError);
    await expect(attempt).rejects.toThrow(/exited with code 1[\s\S]*Address already in use/);
    expect(await isRedisUp(process.env.EDGEFEED_TEST_REDIS_URL as string)).toBe(true); // untouched
  });

  it('fails with a clear error when the binary cannot be run', async () => {
    const attempt = startRedisServer({ port: await freePort(), dir: join(dir, 'nobin'), bin: join(dir, 'no-such-redis-server') });
    await expect(attempt).rejects.toThrow(/could not be run: spawn .*ENOENT/);
  });
});
