// The real @upstash/redis client against the gateway over the real redis-server of the global setup.
import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { describe, expect, inject, it } from 'vitest';

const url = inject('upstashUrl');
const token = inject('upstashToken');
// One command per request (POST /) unless a test asks for pipelining; retries off so failures are quick.
const redis = new Redis({ url, token, enableAutoPipelining: false, retry: false });
const prefix = `gateway-client-test:${randomUUID()}:`; // the redis-server is shared by all test files
const key = (name: string) => prefix + name;

describe('@upstash/redis through the gateway', () => {
  it('round-trips strings, JSON objects, numbers, unicode and binary-ish strings', async () => {
    const values: Record<string, unknown> = {
      plain: 'hello',
      object: { id: 'v1', tags: ['a', 'b'], score: 0.25, nested: { ok: true } },
      number: 42,
      float: 3.5,
      unicode: 'héllo wörld ✓ 日本語 🎬',
      binaryish: 'nul\u0000 ctl\u0001\u001f high\u00ff\u0080 quote" backslash\\ newline\n',
    };
    for (const [name, value] of Object.entries(values)) expect(await redis.set(key(name), value)).toBe('OK');
    for (const [name, value] of Object.entries(values)) expect(await redis.get(key(name))).toEqual(value);
    expect(await redis.get(key('missing'))).toBeNull();
  });

  it('deletes, checks existence and expires keys', async () => {
    await redis.set(key('a'), 'x');
    await redis.set(key('b'), 'y');
    expect(await redis.exists(key('a'), key('b'), key('nope'))).toBe(2);
    expect(await redis.expire(key('a'), 100)).toBe(1);
    const ttl = await redis.ttl(key('a'));
    expect(ttl).toBeGreaterThan(95);
    expect(ttl).toBeLessThanOrEqual(100);
    expect(await redis.ttl(key('b'))).toBe(-1);
    expect(await redis.del(key('a'), key('b'))).toBe(2);
    expect(await redis.exists(key('a'))).toBe(0);
    expect(await redis.ttl(key('a'))).toBe(-2);
  });

  it('increments counters', async () => {
    expect(await redis.incr(key('n'))).toBe(1);
    expect(await redis.incrby(key('n'), 41)).toBe(42);
    expect(await redis.incrby(key('n'), -2)).toBe(40);
    expect(await redis.get(key('n'))).toBe(40);
  });

  it('works with hashes', async () => {
    expect(await redis.hset(key('h'), { views: 3, title: 'cats', meta: { lang: 'en' } })).toBe(3);
    expect(await redis.hincrby(key('h'), 'views', 4)).toBe(7);
    expect(await redis.hgetall(key('h'))).toEqual({ views: 7, title: 'cats', meta: { lang: 'en' } });
    expect(await redis.hgetall(key('no-hash'))).toBeNull();
  });

  it('works with sets', async () => {
    expect(await redis.sadd(key('s'), 'v1', 'v2', 'v3', 'v2')).toBe(3);
    expect((await redis.smembers(key('s'))).sort()).toEqual(['v1', 'v2', 'v3']);
    expect(await redis.sismember(key('s'), 'v2')).toBe(1);
    expect(await redis.sismember(key('s'), 'v9')).toBe(0);
  });

  it('works with sorted sets: zadd, zscore, zincrby, zrange rev with scores', async () => {
    const z = key('trending');
    expect(await redis.zadd(z, { score: 1, member: 'a' }, { score: 5, member: 'b' }, { score: 2.5, member: 'c' })).toBe(3);
    expect(await redis.zscore(z, 'c')).toBe(2.5);
    expect(await redis.zincrby(z, 3, 'a')).toBe(4);
    expect(await redis.zincrby(z, 0.5, 'new')).toBe(0.5);
    expect(await redis.zrange(z, 0, -1, { rev: true, withScores: true })).toEqual(['b', 5, 'a', 4, 'c', 2.5, 'new', 0.5]);
    expect(await redis.zrange(z, 0, 1, { rev: true })).toEqual(['b', 'a']);
    expect(await redis.zrange(z, 0, -1)).toEqual(['new', 'c', 'a', 'b']);
  });

  it('keeps a capped recent list with lpush, ltrim, lrange', async () => {
    const list = key('recent');
    for (const id of ['v1', 'v2', 'v3', 'v4', 'v5']) await redis.lpush(list, id);
    expect(await redis.ltrim(list, 0, 2)).toBe('OK');
    expect(await redis.lrange(list, 0, -1)).toEqual(['v5', 'v4', 'v3']);
    expect(await redis.llen(list)).toBe(3);
  });

  it('runs an explicit pipeline, reporting a failing command', async () => {
    const p = redis.pipeline();
    p.set(key('p'), 1).incr(key('p')).get(key('p')).zadd(key('pz'), { score: 2, member: 'm' }).zrange(key('pz'), 0, -1, { withScores: true });
    expect(await p.exec()).toEqual(['OK', 2, 2, 1, ['m', 2]]);

    await redis.set(key('word'), 'abc');
    const failing = redis.pipeline().incr(key('p')).incr(key('word')).get(key('p'));
    await expect(failing.exec()).rejects.toThrow(/Command 2 \[ incr \] failed: ERR value is not an integer/);
    const kept = await redis.pipeline().incr(key('p')).incr(key('word')).exec({ keepErrors: true });
    expect(kept.map((r) => r.error ?? null)).toEqual([null, 'ERR value is not an integer or out of range']);
    expect(kept[0]?.result).toBe(4); // 2, then one increment by each of the two pipelines above
  });

  it('auto-pipelines concurrent commands into one /pipeline request', async () => {
    const auto = new Redis({ url, token, enableAutoPipelining: true, retry: false });
    const counter = () => (auto as unknown as { pipelineCounter: number }).pipelineCounter;
    const results = await Promise.all([
      auto.set(key('ap1'), 'one'),
      auto.incrby(key('ap2'), 7),
      auto.sadd(key('ap3'), 'x'),
      auto.zincrby(key('ap4'), 2, 'm'),
    ]);
    expect(results).toEqual(['OK', 7, 1, 2]);
    expect(counter()).toBe(1); // all four writes went in one batch
    const reads = await Promise.all([auto.get(key('ap1')), auto.get(key('ap2')), auto.smembers(key('ap3'))]);
    expect(reads).toEqual(['one', 7, ['x']]);
    expect(counter()).toBe(2);
    await expect(auto.incr(key('ap1'))).rejects.toThrow(/ERR value is not an integer/);
  });

  it('runs multi/exec as a transaction', async () => {
    const tx = redis.multi();
    tx.set(key('t'), 10).incrby(key('t'), 5).lpush(key('tl'), 'a', 'b').lrange(key('tl'), 0, -1);
    expect(await tx.exec()).toEqual(['OK', 15, 2, ['b', 'a']]);
  });

  it('runs Lua with eval', async () => {
    await redis.set(key('e'), 'stored');
    const script = 'return { redis.call("GET", KEYS[1]), tonumber(ARGV[1]) * 2, ARGV[2] }';
    expect(await redis.eval(script, [key('e')], [21, 'héllo'])).toEqual(['stored', 42, 'héllo']);
  });

  it("throws Redis's error message on a wrong-type command", async () => {
    await redis.set(key('str'), 'text');
    await expect(redis.lpush(key('str'), 'x')).rejects.toThrow(/WRONGTYPE Operation against a key holding the wrong kind of value/);
    await expect(redis.zincrby(key('str'), 1, 'm')).rejects.toThrow(/WRONGTYPE/);
  });

  it('works without base64 response encoding too', async () => {
    const plain = new Redis({ url, token, enableAutoPipelining: false, retry: false, responseEncoding: false });
    await plain.set(key('plain'), { text: 'héllo ✓' });
    expect(await plain.get(key('plain'))).toEqual({ text: 'héllo ✓' });
    expect(await redis.get(key('plain'))).toEqual({ text: 'héllo ✓' });
  });
});
