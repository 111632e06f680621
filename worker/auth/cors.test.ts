import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import { corsFromConfig, parseAllowedOrigins } from './cors.js';
import { API_KEY_HEADER, type AuthVars } from './vars.js';

const app = new Hono<{ Bindings: AuthVars }>().use('*', corsFromConfig()).get('/v1/trending', (c) => c.json({ items: [] }));

const ALLOWED = 'https://app.example';
const listed: AuthVars = { CORS_ALLOWED_ORIGINS: `${ALLOWED}/, https://other.example` };
const CORS_HEADERS = ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-expose-headers'];
const corsHeadersOf = (res: Response) => CORS_HEADERS.filter((h) => res.headers.has(h));
const get = (origin: string | null, vars: AuthVars) => app.request('/v1/trending', { headers: origin ? { origin } : {} }, vars);

describe('corsFromConfig', () => {
  it('answers an allowed origin with its own origin and the exposed fallback header', async () => {
    const res = await get(ALLOWED, listed);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-expose-headers')).toContain(FALLBACK_HEADER);
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('adds no CORS header for an origin not listed, or a request with none', async () => {
    for (const origin of ['https://evil.example', `${ALLOWED}.evil.example`, null]) {
      const res = await get(origin, listed);
      expect(res.status).toBe(200);
      expect(corsHeadersOf(res)).toEqual([]);
      expect(res.headers.get('vary')).toContain('Origin');
    }
  });

  it('is same-origin only by default', async () => {
    for (const vars of [{}, { CORS_ALLOWED_ORIGINS: '' }]) expect(corsHeadersOf(await get(ALLOWED, vars))).toEqual([]);
  });

  it("allows any origin only when '*' is configured", async () => {
    const res = await get('https://anyone.example', { CORS_ALLOWED_ORIGINS: '*' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a preflight from an allowed origin with the auth headers allowed', async () => {
    const res = await app.request(
      '/v1/trending',
      { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } },
      listed,
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['authorization', API_KEY_HEADER]));
  });
});

describe('parseAllowedOrigins', () => {
  it('normalises entries and lets * win', () => {
    expect(parseAllowedOrigins(undefined)).toEqual({ kind: 'none' });
    expect(parseAllowedOrigins(' HTTPS://App.Example/ ,')).toEqual({ kind: 'list', origins: new Set(['https://app.example']) });
    expect(parseAllowedOrigins('https://a.example, *')).toEqual({ kind: 'any' });
  });
});
