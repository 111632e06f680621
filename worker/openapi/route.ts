// GET /openapi.json and GET /docs, as a sub-app the integrator mounts at the root:
// `app.route('/', openapiRoute)`.
import { Hono } from 'hono';
import { renderDocsPage } from './docs-page.js';
import { openApiDocument } from './document.js';

/** The page has no script and loads nothing; the policy says so to the browser. */
const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const CACHE = 'public, max-age=300';

export const openapiRoute = new Hono()
  .get('/openapi.json', (c) => {
    c.header('cache-control', CACHE);
    return c.json(openApiDocument());
  })
  .get('/docs', (c) => {
    c.header('cache-control', CACHE);
    c.header('content-security-policy', DOCS_CSP);
    return c.html(renderDocsPage(openApiDocument()));
  });
