import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors.js';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import { CorruptValueError, StoreUnavailableError } from '../stores/errors.js';
import { errorHandler } from './error-handler.js';

// Routes that throw on purpose, mounted on the real error handler.
const app = new Hono()
  .get('/v1/feed', () => {
    throw new TypeError("Cannot read properties of undefined (reading 'items')");
  })
  .get('/v1/feed/bad', () => {
    throw new BadRequestError('n', 'n must be between 1 and 100');
  })
  .get('/v1/trending', () => {
    throw new StoreUnavailableError('kv', 'manifest timeout');
  })
  .get('/corrupt', () => {
    throw new CorruptValueError('kv', 'cand:v1:u1', new SyntaxError('bad json'));
  })
  .get('/bug', () => {
    throw new Error('secret detail');
  });
app.onError(errorHandler());

describe('errorHandler', () => {
  it('fails the feed open: an unexpected error is an empty 200 with a reason', async () => {
    const res = await app.request('/v1/feed?user_id=u1&region=eu');
    expect(res.status).toBe(200);
    expect(res.headers.get(FALLBACK_HEADER)).toBe('internal-error');
    expect(await res.json()).toMatchObject({ user_id: 'u1', region: 'eu', version: null, items: [], next_cursor: null, fallback: { reason: 'internal-error' } });
  });

  it('maps named errors to their status and JSON body', async () => {
    const bad = await app.request('/v1/feed/bad');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_parameter', message: 'n must be between 1 and 100', field: 'n' } });
    const down = await app.request('/v1/trending');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ error: { code: 'store_unavailable', message: 'kv: manifest timeout' } });
    expect((await app.request('/corrupt')).status).toBe(500);
  });

  it('hides the message of an unexpected error outside the feed', async () => {
    const res = await app.request('/bug');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
  });
});
