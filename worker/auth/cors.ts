// CORS from config: CORS_ALLOWED_ORIGINS lists the origins browsers may call from, '*' allows any,
// empty (the default) adds no CORS header at all, so only same-origin pages can read answers.
// hono/cors writes the headers; this file only decides, per request, whether it runs.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import { API_KEY_HEADER, USER_TOKEN_HEADER, parseList, type AuthVars } from './vars.js';

export type AllowedOrigins = { kind: 'none' } | { kind: 'any' } | { kind: 'list'; origins: ReadonlySet<string> };

/** Browsers send origins lower-case and without a trailing slash; configured ones are normalised so. */
const normalise = (origin: string) => origin.trim().replace(/\/+$/, '').toLowerCase();

export function parseAllowedOrigins(raw: string | undefined): AllowedOrigins {
  const entries = parseList(raw).map(normalise);
  if (entries.includes('*')) return { kind: 'any' };
  return entries.length === 0 ? { kind: 'none' } : { kind: 'list', origins: new Set(entries) };
}

const shared = {
  allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', API_KEY_HEADER, USER_TOKEN_HEADER],
  exposeHeaders: [FALLBACK_HEADER],
  maxAge: 600,
};
const anyOrigin = cors({ ...shared, origin: '*' });
// Membership is checked before this runs, so it echoes the request's origin.
const listedOrigin = cors({ ...shared, origin: (origin) => origin });

// Parsed once per value of the setting, per isolate.
let memo: { raw: string | undefined; allowed: AllowedOrigins } | null = null;
const allowedFor = (raw: string | undefined) => {
  if (!memo || memo.raw !== raw) memo = { raw, allowed: parseAllowedOrigins(raw) };
  return memo.allowed;
};

export const corsFromConfig = <E extends { Bindings: Pick<AuthVars, 'CORS_ALLOWED_ORIGINS'> }>(): MiddlewareHandler<E> =>
  async function corsFromConfig(c, next) {
    const allowed = allowedFor(c.env?.CORS_ALLOWED_ORIGINS);
    if (allowed.kind === 'none') return next();
    if (allowed.kind === 'any') return anyOrigin(c, next);
    const origin = c.req.header('origin');
    if (origin && allowed.origins.has(normalise(origin))) return listedOrigin(c, next);
    await next();
    // The answer depends on the origin, so shared caches must key on it.
    c.header('vary', 'Origin', { append: true });
  };
