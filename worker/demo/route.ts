// GET /: the demo page (and an empty GET /favicon.ico), as a sub-app the integrator mounts at the root
// (`app.route('/', demoRoute)`). The page and its CSP are built once per isolate (the hashes need an
// async digest, so on first use).
import { Hono } from 'hono';
import { cspHash, demoCsp } from './csp.js';
import { DEMO_SCRIPT } from './page-script.js';
import { DEMO_STYLE } from './page-style.js';
import { renderDemoPage } from './page.js';

type BuiltPage = { html: string; csp: string };
let built: Promise<BuiltPage> | null = null;

async function buildPage(): Promise<BuiltPage> {
  const [scriptHash, styleHash] = await Promise.all([cspHash(DEMO_SCRIPT), cspHash(DEMO_STYLE)]);
  return { html: renderDemoPage(), csp: demoCsp({ scriptHash, styleHash }) };
}

export const demoRoute = new Hono()
  .get('/', async (c) => {
    const page = await (built ??= buildPage());
    c.header('content-security-policy', page.csp);
    // The URL may carry ?key=: never send it on as a referrer.
    c.header('referrer-policy', 'no-referrer');
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-cache');
    return c.html(page.html);
  })
  // Browsers ask for one on every page; the demo has none, and a 404 would only be noise in the console.
  .get('/favicon.ico', (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.body(null, 204);
  });
