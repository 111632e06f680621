// Optional user-token check for the feed (REQUIRE_USER_TOKEN=1): the `x-user-token` header must hold
// a token signed with USER_TOKEN_SECRET, unexpired, whose uid is the `user_id` query parameter.
// Misconfigured (switch on, no secret) it still refuses, with 401 rather than 503: the feed never
// answers 5xx, and it never serves unchecked.
import type { MiddlewareHandler } from 'hono';
import { InvalidCredentialError, MissingCredentialError, refuse } from './errors.js';
import { verifyUserToken } from './user-token-codec.js';
import { USER_TOKEN_HEADER, USER_TOKEN_SECRET_HINT, isOn, type AuthVars } from './vars.js';

const CHALLENGE = `UserToken realm="edgefeed", header="${USER_TOKEN_HEADER}"`;
const CODES = { malformed: 'malformed_user_token', 'bad-signature': 'invalid_user_token_signature', expired: 'expired_user_token' } as const;

type UserTokenVars = Pick<AuthVars, 'REQUIRE_USER_TOKEN' | 'USER_TOKEN_SECRET'>;

export const userTokenAuth = <E extends { Bindings: UserTokenVars }>(): MiddlewareHandler<E> =>
  async function userTokenAuth(c, next) {
    if (!isOn(c.env?.REQUIRE_USER_TOKEN)) return next();
    const secret = c.env?.USER_TOKEN_SECRET?.trim();
    if (!secret) {
      console.error(`${c.req.method} ${c.req.path} refused: ${USER_TOKEN_SECRET_HINT}`);
      const message = `user tokens cannot be verified: ${USER_TOKEN_SECRET_HINT}`;
      return refuse(c, new InvalidCredentialError(USER_TOKEN_HEADER, message, 'user_token_unverifiable'), CHALLENGE);
    }
    const token = c.req.header(USER_TOKEN_HEADER)?.trim();
    if (!token) {
      const message = `missing user token: send \`${USER_TOKEN_HEADER}: <token>\` signed by your backend for this user_id`;
      return refuse(c, new MissingCredentialError(USER_TOKEN_HEADER, message, 'missing_user_token'), CHALLENGE);
    }
    const check = await verifyUserToken(secret, token, Math.floor(Date.now() / 1000));
    if (!check.ok) {
      return refuse(c, new InvalidCredentialError(USER_TOKEN_HEADER, `user token rejected: ${check.detail}`, CODES[check.reason]), CHALLENGE);
    }
    const userId = c.req.query('user_id');
    if (check.claims.uid !== userId) {
      const message = userId ? 'the user token was issued for another user_id' : 'user_id is required with a user token';
      return refuse(c, new InvalidCredentialError('user_id', message, 'user_token_uid_mismatch'), CHALLENGE);
    }
    await next();
  };
