import { describe, expect, it } from 'vitest';
import { FeedParams } from '../routes/query.js';
import { buildOpenApiDocument } from './document.js';
import { openapiRoute } from './route.js';

describe('GET /openapi.json', () => {
  it('serves the document as JSON, OpenAPI 3.1.0', async () => {
    const res = await openapiRoute.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const parsed = JSON.parse(await res.text()) as { openapi: string };
    expect(parsed.openapi).toBe('3.1.0');
    expect(parsed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});

describe('GET /docs', () => {
  it('renders every route, every feed parameter and every schema, self-contained', async () => {
    const res = await openapiRoute.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    const doc = buildOpenApiDocument();
    for (const path of Object.keys(doc.paths)) expect(page).toContain(`<code>${path}</code>`);
    for (const name of Object.keys(FeedParams.shape)) expect(page).toContain(`<code>${name}</code>`);
    for (const name of Object.keys(doc.components.schemas)) expect(page).toContain(`id="schema-${name}"`);
    expect(page).not.toMatch(/<script|<link|src=|@import/i);
    expect(page).not.toMatch(/href="(https?:)?\/\//);
  });
});
