import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, type ErrorBody } from './http.js';
import { WORLD, publish } from './seed.js';

beforeAll(async () => {
  await publish(env.FEED_KV, 'v1', WORLD);
});

// Not a whole number of served hashes (4 bytes each).
const forged = btoa('abcde');

describe('bad input answers 400 naming the field', () => {
  it.each([
    ['/v1/feed?n=5', 'user_id'],
    ['/v1/feed?user_id=', 'user_id'],
    [`/v1/feed?user_id=${'x'.repeat(129)}`, 'user_id'],
    ['/v1/feed?user_id=u1&n=0', 'n'],
    ['/v1/feed?user_id=u1&n=101', 'n'],
    ['/v1/feed?user_id=u1&n=abc', 'n'],
    ['/v1/feed?user_id=u1&n=2.5', 'n'],
    ['/v1/feed?user_id=u1&cursor=%21%21not-base64', 'cursor'],
    [`/v1/feed?user_id=u1&cursor=${forged}`, 'cursor'],
    [`/v1/feed?user_id=u1&region=${'r'.repeat(17)}`, 'region'],
    ['/v1/trending?n=500', 'n'],
  ])('%s → 400 on %s', async (path, field) => {
    const { status, body } = await get<ErrorBody>(path);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message).toContain(field);
  });

  it('accepts the edges of the n range', async () => {
    expect((await get('/v1/feed?user_id=u1&n=1')).body.items).toHaveLength(1);
    expect((await get('/v1/feed?user_id=u1&n=100')).status).toBe(200);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { status, body } = await get<ErrorBody>('/v2/nothing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});
