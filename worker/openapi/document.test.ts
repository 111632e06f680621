import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../models/schemas.js';
import { API_KEY_HEADER, USER_TOKEN_HEADER } from '../auth/vars.js';
import { CURSOR_MAX_CHARS, FEED_PAGE_SIZE_DEFAULT, FEED_PAGE_SIZE_MAX, ID_MAX_CHARS, REGION_MAX_CHARS } from '../config.js';
import { BadRequestError } from '../errors.js';
import { FeedParams, parseQuery } from '../routes/query.js';
import { EVENTS_PER_REQUEST_MAX } from './components.js';
import { buildOpenApiDocument } from './document.js';
import type { Operation, Parameter } from './types.js';

const doc = buildOpenApiDocument();
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op: op as Operation })),
);
const operation = (key: string) => operations.find((o) => o.key === key)!.op;
const param = (op: Operation, name: string) => op.parameters?.find((p) => p.name === name) as Parameter;

/** Every `$ref` anywhere in a value. */
const refsIn = (value: unknown): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)))
    : [];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route of the edge API', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(operations.map((o) => o.key).sort()).toEqual(
      ['GET /v1/feed', 'GET /v1/trending', 'GET /v1/videos/{id}/related', 'POST /v1/events', 'POST /v1/videos', 'GET /healthz'].sort(),
    );
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents each query parameter of FeedParams with the limits the route enforces", () => {
    const feed = operation('GET /v1/feed');
    expect(feed.parameters?.map((p) => p.name)).toEqual(Object.keys(FeedParams.shape));
    expect(param(feed, 'user_id')).toMatchObject({ in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: ID_MAX_CHARS } });
    expect(param(feed, 'n')).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: FEED_PAGE_SIZE_MAX, default: FEED_PAGE_SIZE_DEFAULT },
    });
    expect(param(feed, 'region')).toMatchObject({ required: false, schema: { type: 'string', minLength: 2, maxLength: REGION_MAX_CHARS } });
    expect(param(feed, 'cursor')).toMatchObject({ required: false, schema: { type: 'string', minLength: 1, maxLength: CURSOR_MAX_CHARS } });
    expect(param(feed, 'debug')).toMatchObject({ required: false, schema: { type: 'string', enum: ['0', '1', 'true', 'false'] } });
  });

  it('states limits the parser really applies at their boundaries', () => {
    const max = param(operation('GET /v1/feed'), 'n').schema.maximum as number;
    expect(parseQuery(FeedParams, { user_id: 'u1', n: String(max) }).n).toBe(max);
    expect(() => parseQuery(FeedParams, { user_id: 'u1', n: String(max + 1) })).toThrow(BadRequestError);
    const idMax = param(operation('GET /v1/feed'), 'user_id').schema.maxLength as number;
    expect(() => parseQuery(FeedParams, { user_id: 'u'.repeat(idMax + 1) })).toThrow(BadRequestError);
  });

  it('declares the path parameter of related and the bodies of the ingest routes', () => {
    const related = operation('GET /v1/videos/{id}/related');
    expect(param(related, 'id')).toMatchObject({ in: 'path', required: true, schema: { type: 'string', maxLength: ID_MAX_CHARS } });
    const { schemas } = doc.components;
    expect(schemas.EventsBody).toMatchObject({ properties: { events: { minItems: 1, maxItems: EVENTS_PER_REQUEST_MAX, items: { $ref: '#/components/schemas/Event' } } } });
    expect(schemas.Event).toMatchObject({ properties: { type: { enum: [...EVENT_TYPES] } }, required: expect.arrayContaining(['event_id', 'user_id', 'video_id', 'ts', 'type']) });
    expect((schemas.Event!.required as string[]).includes('surface')).toBe(false); // defaulted, so optional on input
    expect(operation('POST /v1/videos').requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Video' });
  });

  it('resolves every $ref to a component schema', () => {
    const refs = new Set(refsIn(doc));
    expect(refs.size).toBeGreaterThan(5);
    for (const ref of refs) expect(Object.keys(doc.components.schemas)).toContain(ref.replace('#/components/schemas/', ''));
  });

  it('secures ingest with the API key and the feed with the optional user token', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes).toMatchObject({ apiKeyHeader: { in: 'header', name: API_KEY_HEADER }, userToken: { in: 'header', name: USER_TOKEN_HEADER } });
    for (const key of ['POST /v1/events', 'POST /v1/videos']) {
      const security = operation(key).security!;
      expect(security).toEqual([{ apiKey: [] }, { apiKeyHeader: [] }]);
      expect(Object.keys(operation(key).responses)).toEqual(expect.arrayContaining(['400', '401']));
    }
    expect(operation('GET /v1/feed').security).toEqual([{ userToken: [] }, {}]);
    for (const { op } of operations) for (const req of op.security ?? []) for (const name of Object.keys(req)) expect(schemes).toHaveProperty(name);
    expect(operation('GET /v1/trending').security).toBeUndefined();
  });
});
