// API-key middleware for events and admin routes: `authorization: Bearer <key>` or `x-api-key: <key>`,
// checked against the EDGEFEED_API_KEYS secret in constant time. With no key configured every request
// is refused with 503 and the command that sets one: the routes are never open by default.
// Hand-written rather than hono/bearer-auth: that one reads a single header, takes its keys at
// construction (ours live in the per-request env) and throws, which /v1/feed's handler would fail open.
import type { MiddlewareHandler } from 'hono';
import { digestAll, matchesAnyDigest } from './constant-time.js';
import { AuthNotConfiguredError, InvalidCredentialError, MissingCredentialError, refuse } from './errors.js';
import { API_KEY_HEADER, API_KEYS_HINT, parseList, type AuthVars } from './vars.js';

export type PresentedKey =
  | { status: 'ok'; key: string; header: string }
  | { status: 'missing' }
  | { status: 'malformed'; header: string; detail: string };

/** The key a request presents; `authorization` wins over `x-api-key` when both are sent. */
export function presentedKey(headers: Headers): PresentedKey {
  const authorization = headers.get('authorization')?.trim();
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
    return bearer?.[1]
      ? { status: 'ok', key: bearer[1], header: 'authorization' }
      : { status: 'malformed', header: 'authorization', detail: 'authorization must be `Bearer <key>`' };
  }
  const key = headers.get(API_KEY_HEADER)?.trim();
  return key ? { status: 'ok', key, header: API_KEY_HEADER } : { status: 'missing' };
}

// Digests of the configured keys, per isolate; recomputed only when the secret's value changes.
let memo: { raw: string; digests: Promise<Uint8Array[]> } | null = null;
function configuredDigests(raw: string): Promise<Uint8Array[]> {
  if (memo?.raw !== raw) memo = { raw, digests: digestAll(parseList(raw)) };
  return memo.digests;
}

export const apiKeyAuth = <E extends { Bindings: Pick<AuthVars, 'EDGEFEED_API_KEYS'> }>(): MiddlewareHandler<E> =>
  async function apiKeyAuth(c, next) {
    const raw = c.env?.EDGEFEED_API_KEYS ?? '';
    if (parseList(raw).length === 0) {
      console.error(`${c.req.method} ${c.req.path} refused: no API key configured; ${API_KEYS_HINT}`);
      return refuse(c, new AuthNotConfiguredError(`this route needs an API key and none is configured; ${API_KEYS_HINT}`));
    }
    const presented = presentedKey(c.req.raw.headers);
    if (presented.status === 'missing') {
      const message = `missing API key: send \`authorization: Bearer <key>\` or \`${API_KEY_HEADER}: <key>\``;
      return refuse(c, new MissingCredentialError('authorization', message));
    }
    if (presented.status === 'malformed') return refuse(c, new InvalidCredentialError(presented.header, presented.detail));
    if (!(await matchesAnyDigest(presented.key, await configuredDigests(raw)))) {
      return refuse(c, new InvalidCredentialError(presented.header, `the API key in ${presented.header} is not valid`));
    }
    await next();
  };
