// The gateway's REST surface with raw fetch: auth, status codes, encodings, path commands, and failure.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis as UpstashRedis } from '@upstash/redis';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from './free-port.js';
import { createGateway } from './redis-gateway.js';
import { startRedisServer } from './redis-server.js';

const url = inject('upstashUrl');
const token = inject('upstashToken');
const prefix = `gateway-http-test:${randomUUID()}:`;
const key = (name: string) => prefix + name;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

async function post(path: string, body: unknown, headers: Record<string, string> = {}, base = url) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('gateway REST surface', () => {
  it('answers 401 without a token or with a wrong one, and accepts ?_token=', async () => {
    const noToken = await fetch(url, { method: 'POST', body: '["PING"]' });
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual({ error: 'Unauthorized' });
    expect((await post('/', ['PING'], { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post('/', ['PING'], { authorization: token })).status).toBe(401); // no "Bearer "
    const query = await fetch(`${url}/echo/hi?_token=${token}`);
    expect(await query.json()).toEqual({ result: 'hi' });
  });

  it('answers 400 with { error } on a bad body or a failing command', async () => {
    expect(await post('/', { cmd: 'GET' })).toEqual({ status: 400, body: { error: expect.stringMatching(/non-empty JSON array/) } });
    expect(await post('/', 'not json')).toEqual({ status: 400, body: { error: expect.stringMatching(/parse/) } });
    expect(await post('/pipeline', ['GET', 'x'])).toMatchObject({ status: 400 });
    expect(await post('/', ['NOSUCHCOMMAND'])).toEqual({ status: 400, body: { error: expect.stringMatching(/^ERR unknown command/) } });
    await post('/', ['SET', key('s'), 'text']);
    expect(await post('/', ['LPUSH', key('s'), 'x'])).toEqual({
      status: 400,
      body: { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' },
    });
    expect((await post('/', ['MULTI'])).status).toBe(400);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(405);
  });

  it('base64-encodes every string but a top-level OK when asked, and only then', async () => {
    const base64 = { 'Upstash-Encoding': 'base64' };
    expect(await post('/', ['SET', key('b'), 'héllo ✓'], base64)).toEqual({ status: 200, body: { result: 'OK' } });
    expect((await post('/', ['GET', key('b')], base64)).body).toEqual({ result: b64('héllo ✓') });
    expect((await post('/', ['GET', key('b')])).body).toEqual({ result: 'héllo ✓' });
    await post('/', ['RPUSH', key('l'), 'a', 'OK', 'ü']);
    expect((await post('/', ['LRANGE', key('l'), 0, -1], base64)).body).toEqual({ result: [b64('a'), b64('OK'), b64('ü')] });
    expect((await post('/', ['LRANGE', key('l'), 0, -1])).body).toEqual({ result: ['a', 'OK', 'ü'] });
    expect((await post('/', ['PING'], base64)).body).toEqual({ result: b64('PONG') });
    expect((await post('/', ['INCRBY', key('n'), 5], base64)).body).toEqual({ result: 5 });
  });

  it('returns the exact stored bytes under base64, even when they are not UTF-8', async () => {
    const raw = new Redis(process.env.EDGEFEED_TEST_REDIS_URL as string, { protocol: 2 }) // set by the global setup;
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0x41]);
    await raw.set(key('bin'), bytes);
    raw.disconnect();
    const { body } = await post('/', ['GET', key('bin')], { 'Upstash-Encoding': 'base64' });
    expect(Buffer.from((body as { result: string }).result, 'base64')).toEqual(bytes);
  });

  it("passes Redis's own reply shapes through (HGETALL and WITHSCORES stay flat arrays)", async () => {
    await post('/', ['HSET', key('h'), 'f1', 'v1', 'f2', 2]);
    expect((await post('/', ['HGETALL', key('h')])).body).toEqual({ result: ['f1', 'v1', 'f2', '2'] });
    await post('/', ['ZADD', key('z'), 1, 'a', 2.5, 'b']);
    expect((await post('/', ['ZRANGE', key('z'), 0, -1, 'REV', 'WITHSCORES'])).body).toEqual({ result: ['b', '2.5', 'a', '1'] });
  });

  it('runs path commands, with a POST body as the last argument and query parameters after it', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expect(await (await fetch(`${url}/set/${encodeURIComponent(key('p'))}/bar`, { headers: auth })).json()).toEqual({ result: 'OK' });
    expect(await (await fetch(`${url}/get/${encodeURIComponent(key('p'))}`, { headers: auth })).json()).toEqual({ result: 'bar' });
    const res = await fetch(`${url}/set/${encodeURIComponent(key('pj'))}?EX=100`, { method: 'POST', headers: auth, body: '{"a":[1,2]}' });
    expect(await res.json()).toEqual({ result: 'OK' });
    expect((await post('/', ['GET', key('pj')])).body).toEqual({ result: '{"a":[1,2]}' });
    expect((await post('/', ['TTL', key('pj')])).body).toEqual({ result: 100 });
  });

  it('answers /pipeline with one { result } or { error } per command, in order', async () => {
    await post('/', ['SET', key('w'), 'word']);
    const { status, body } = await post('/pipeline', [['SET', key('c'), 1], ['INCR', key('w')], ['INCR', key('c')], ['GET', key('c')]]);
    expect(status).toBe(200);
    expect(body).toEqual([{ result: 'OK' }, { error: 'ERR value is not an integer or out of range' }, { result: 2 }, { result: '2' }]);
  });

  it('runs /multi-exec atomically: runtime errors per command, a rejected command aborts it all', async () => {
    await post('/', ['SET', key('mw'), 'word']);
    const ran = await post('/multi-exec', [['SET', key('m'), 1], ['INCR', key('mw')], ['INCR', key('m')]]);
    expect(ran).toEqual({ status: 200, body: [{ result: 'OK' }, { error: 'ERR value is not an integer or out of range' }, { result: 2 }] });
    const aborted = await post('/multi-exec', [['SET', key('m2'), 'x'], ['SET', key('m2')]]);
    expect(aborted).toEqual({ status: 400, body: { error: "ERR wrong number of arguments for 'set' command" } });
    expect((await post('/', ['EXISTS', key('m2')])).body).toEqual({ result: 0 });
  });

  it('answers GET / as a health check without a token', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});

describe('gateway when redis-server is down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgefeed-gateway-down-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 503 quickly instead of hanging, and recovers when redis-server is back', async () => {
    const port = await freePort();
    const server = await startRedisServer({ port, dir });
    const logs: string[] = [];
    const gateway = await createGateway({ redisUrl: server.url, token, log: (line) => logs.push(line) });
    try {
      expect((await post('/', ['SET', 'k', 'v'], {}, gateway.url)).status).toBe(200);
      await server.stop();

      const started = Date.now();
      const down = await post('/', ['GET', 'k'], {}, gateway.url);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(down).toEqual({ status: 503, body: { error: `redis at 127.0.0.1:${port} unavailable: connect ECONNREFUSED 127.0.0.1:${port}` } });
      expect((await post('/pipeline', [['GET', 'k']], {}, gateway.url)).status).toBe(503);
      expect((await fetch(gateway.url)).status).toBe(503);
      const client = new UpstashRedis({ url: gateway.url, token, retry: false, enableAutoPipelining: false });
      await expect(client.get('k')).rejects.toThrow(/unavailable/);
      expect(logs.filter((l) => l.includes('unavailable'))).toHaveLength(1); // one line per outage

      const again = await startRedisServer({ port, dir }); // no persistence: the data is gone
      await expect.poll(async () => (await post('/', ['GET', 'k'], {}, gateway.url)).status, { timeout: 3_000 }).toBe(200);
      expect((await post('/', ['GET', 'k'], {}, gateway.url)).body).toEqual({ result: null });
      await again.stop();
    } finally {
      await gateway.close();
      await server.stop();
    }
  });

  it('never puts the token in its log line', async () => {
    const logs: string[] = [];
    const gateway = await createGateway({ redisUrl: 'redis://:secretpw@127.0.0.1:6399', token: 'tok-123-secret', log: (l) => logs.push(l) });
    await gateway.close();
    expect(logs.join('\n')).not.toMatch(/tok-123-secret|secretpw/);
    expect(logs.find((l) => l.includes('Upstash REST on'))).toMatch(/^redis-gateway: Upstash REST on http:\/\/127\.0\.0\.1:\d+ → redis 127\.0\.0\.1:6399/);
  });
});
