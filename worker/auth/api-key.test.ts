import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { apiKeyAuth, presentedKey } from './api-key.js';
import { API_KEY_HEADER, API_KEYS_HINT, type AuthVars } from './vars.js';

// A tiny app with the middleware in front of one route; env is passed per request.
const app = new Hono<{ Bindings: AuthVars }>().use('/v1/events', apiKeyAuth()).post('/v1/events', (c) => c.json({ accepted: 1 }, 202));

const KEYS = ['k-first-0123456789', 'k-second-abcdefghij'];
const env: AuthVars = { EDGEFEED_API_KEYS: ` ${KEYS[0]} ,${KEYS[1]},` };
const post = (headers: Record<string, string>, vars: AuthVars = env) => app.request('/v1/events', { method: 'POST', headers }, vars);
type ErrorBody = { error: { code: string; message: string; field?: string } };

describe('apiKeyAuth', () => {
  it('passes every configured key, in either header', async () => {
    for (const key of KEYS) {
      expect((await post({ authorization: `Bearer ${key}` })).status).toBe(202);
      expect((await post({ [API_KEY_HEADER]: key })).status).toBe(202);
    }
  });

  it('refuses a wrong key with 401 naming the header it came in', async () => {
    for (const [header, value, field] of [
      ['authorization', `Bearer ${KEYS[0]}x`, 'authorization'],
      [API_KEY_HEADER, KEYS[1]!.slice(0, -1), API_KEY_HEADER],
      [API_KEY_HEADER, `${KEYS[0]},${KEYS[1]}`, API_KEY_HEADER],
    ] as const) {
      const res = await post({ [header]: value });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const body = (await res.json()) as ErrorBody;
      expect(body.error).toMatchObject({ code: 'invalid_credential', field });
      expect(body.error.message).toContain(field);
    }
  });

  it('refuses a missing key with 401 saying which headers carry one', async () => {
    const res = await post({});
    expect(res.status).toBe(401);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('missing_credential');
    expect(body.error.field).toBe('authorization');
    expect(body.error.message).toContain('Bearer');
    expect(body.error.message).toContain(API_KEY_HEADER);
  });

  it('refuses an authorization header that is not Bearer', async () => {
    const res = await post({ authorization: `Basic ${btoa(`u:${KEYS[0]}`)}` });
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'invalid_credential', field: 'authorization' });
  });

  it('is never open: with no key configured it answers 503 with the command that sets one', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const vars of [{}, { EDGEFEED_API_KEYS: '' }, { EDGEFEED_API_KEYS: ' , ' }]) {
      const res = await post({ authorization: `Bearer ${KEYS[0]}` }, vars);
      expect(res.status).toBe(503);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('auth_not_configured');
      expect(body.error.message).toContain(API_KEYS_HINT);
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining(API_KEYS_HINT));
    log.mockRestore();
  });

  it('follows a rotated secret within the same isolate', async () => {
    const rotated = { EDGEFEED_API_KEYS: 'k-rotated-0000000000' };
    expect((await post({ [API_KEY_HEADER]: KEYS[0]! }, rotated)).status).toBe(401);
    expect((await post({ [API_KEY_HEADER]: 'k-rotated-0000000000' }, rotated)).status).toBe(202);
    expect((await post({ [API_KEY_HEADER]: KEYS[0]! })).status).toBe(202);
  });
});

describe('presentedKey', () => {
  it('prefers authorization over x-api-key and accepts any case of Bearer', () => {
    const both = new Headers({ authorization: 'bearer from-auth', [API_KEY_HEADER]: 'from-header' });
    expect(presentedKey(both)).toEqual({ status: 'ok', key: 'from-auth', header: 'authorization' });
    expect(presentedKey(new Headers({ [API_KEY_HEADER]: ' spaced ' }))).toEqual({ status: 'ok', key: 'spaced', header: API_KEY_HEADER });
    expect(presentedKey(new Headers())).toEqual({ status: 'missing' });
    expect(presentedKey(new Headers({ authorization: 'Bearer two words' })).status).toBe('malformed');
  });
});
