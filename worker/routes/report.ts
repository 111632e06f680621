// GET /report: the newest evaluation report (`npm run eval` puts its HTML into R2). A static page
// with inline CSS and SVG only, served under a CSP that allows nothing else.
import { Hono } from 'hono';
import { LATEST_REPORT_KEY } from '../../models/keys.js';

export const reportRoute = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  const obj = await c.env.ARTIFACTS.get(LATEST_REPORT_KEY);
  if (!obj) return c.json({ error: { code: 'not_found', message: 'no evaluation report yet: run `npm run eval` (it publishes its HTML report here)' } }, 404);
  c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  c.header('cache-control', 'no-cache');
  return c.html(await obj.text());
});
