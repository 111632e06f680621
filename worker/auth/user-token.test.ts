import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { expiresIn, signUserToken } from './user-token-codec.js';
import { userTokenAuth } from './user-token.js';
import { USER_TOKEN_HEADER, USER_TOKEN_SECRET_HINT, type AuthVars } from './vars.js';

const app = new Hono<{ Bindings: AuthVars }>().use('/v1/feed', userTokenAuth()).get('/v1/feed', (c) => c.json({ user_id: c.req.query('user_id') }));

const SECRET = 'feed-token-secret';
const on: AuthVars = { REQUIRE_USER_TOKEN: '1', USER_TOKEN_SECRET: SECRET };
type ErrorBody = { error: { code: string; message: string; field?: string } };

const feed = (userId: string | null, token: string | null, vars: AuthVars = on) =>
  app.request(`/v1/feed${userId === null ? '' : `?user_id=${userId}`}`, { headers: token === null ? {} : { [USER_TOKEN_HEADER]: token } }, vars);

async function refusal(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toContain(USER_TOKEN_HEADER);
  return ((await res.json()) as ErrorBody).error;
}

describe('userTokenAuth', () => {
  it('passes a valid token for the user_id asked for', async () => {
    const res = await feed('u7', await signUserToken(SECRET, { uid: 'u7', exp: expiresIn(60) }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user_id: 'u7' });
  });

  it('refuses an expired token', async () => {
    const error = await refusal(await feed('u7', await signUserToken(SECRET, { uid: 'u7', exp: expiresIn(-1) })));
    expect(error).toMatchObject({ code: 'expired_user_token', field: USER_TOKEN_HEADER });
    expect(error.message).toContain('expired');
  });

  it('refuses a token issued for another user, or with no user_id to match', async () => {
    const token = await signUserToken(SECRET, { uid: 'u7', exp: expiresIn(60) });
    expect(await refusal(await feed('u8', token))).toMatchObject({ code: 'user_token_uid_mismatch', field: 'user_id' });
    expect(await refusal(await feed(null, token))).toMatchObject({ code: 'user_token_uid_mismatch', field: 'user_id' });
  });

  it('refuses a tampered signature', async () => {
    const [payload, signature] = (await signUserToken(SECRET, { uid: 'u7', exp: expiresIn(60) })).split('.') as [string, string];
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(await refusal(await feed('u7', `${payload}.${flipped}`))).toMatchObject({ code: 'invalid_user_token_signature', field: USER_TOKEN_HEADER });
  });

  it('refuses a missing or malformed token, naming the header', async () => {
    const missing = await refusal(await feed('u7', null));
    expect(missing).toMatchObject({ code: 'missing_user_token', field: USER_TOKEN_HEADER });
    expect(missing.message).toContain(USER_TOKEN_HEADER);
    expect(await refusal(await feed('u7', 'not-a-token'))).toMatchObject({ code: 'malformed_user_token', field: USER_TOKEN_HEADER });
  });

  it('is off unless REQUIRE_USER_TOKEN is on', async () => {
    for (const vars of [{}, { REQUIRE_USER_TOKEN: '0', USER_TOKEN_SECRET: SECRET }, { REQUIRE_USER_TOKEN: '' }]) {
      expect((await feed('u7', null, vars)).status).toBe(200);
    }
  });

  it('switched on without a secret, refuses every request with 401 and the command that sets it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const token = await signUserToken(SECRET, { uid: 'u7', exp: expiresIn(60) });
    const error = await refusal(await feed('u7', token, { REQUIRE_USER_TOKEN: 'true' }));
    expect(error.code).toBe('user_token_unverifiable');
    expect(error.message).toContain(USER_TOKEN_SECRET_HINT);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(USER_TOKEN_SECRET_HINT));
    log.mockRestore();
  });
});
