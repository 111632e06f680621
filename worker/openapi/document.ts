// The OpenAPI 3.1 document of the edge API: every route with its parameters, bodies, answers and
// security, generated from the zod schemas the routes validate with. Built once per isolate.
import { VideoSchema } from '../../models/schemas.js';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import { FeedParams, RelatedParams, TrendingParams } from '../routes/query.js';
import { API_KEY_SECURITY, SECURITY_SCHEMES, USER_TOKEN_SECURITY, componentSchemas, ref, type SchemaName } from './components.js';
import { pathParameter, queryParameters } from './parameters.js';
import type { OpenApiDocument, ResponseObject } from './types.js';

const degradedHeader = { [FALLBACK_HEADER]: { description: 'the fallback reason, present when the answer is degraded', schema: { type: 'string' } } };
const json = (description: string, name: SchemaName, withFallbackHeader = false): ResponseObject => ({
  description,
  ...(withFallbackHeader && { headers: degradedHeader }),
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string) => json(description, 'Error');
const body = (name: SchemaName, description: string) => ({ required: true, description, content: { 'application/json': { schema: ref(name) } } });

const PAGE_NOTES = {
  n: 'page size',
  region: "region whose lists to use; default: from the client's location",
  debug: 'adds the debug section (stage counts, timings, source chain)',
};

export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Edgefeed',
      version: 'v1',
      description:
        'Edge-served video recommendations: personal feed, trending and related lists from precomputed candidates, ' +
        'light ranking at the edge, realtime signals from events.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/v1/feed': {
        get: {
          operationId: 'getFeed',
          tags: ['recommendations'],
          summary: "A page of the user's personal feed",
          description: 'Never answers 5xx: a failing dependency degrades to a fallback, answered 200 with its reason.',
          parameters: queryParameters(FeedParams, {
            ...PAGE_NOTES,
            user_id: "the user to recommend for; equal to the token's uid when user tokens are required",
            cursor: 'next_cursor of the previous page',
          }),
          security: USER_TOKEN_SECURITY,
          responses: {
            200: json('the page, possibly degraded (see fallback)', 'FeedResponse', true),
            400: error('a query parameter is invalid; `field` names it'),
            401: error('user tokens are required and this one is missing, invalid, expired or for another user_id'),
          },
        },
      },
      '/v1/trending': {
        get: {
          operationId: 'getTrending',
          tags: ['recommendations'],
          summary: 'A page of the regional trending list, or the global one when the region has none',
          parameters: queryParameters(TrendingParams, PAGE_NOTES),
          responses: {
            200: json('the page, possibly degraded (see fallback)', 'TrendingResponse', true),
            400: error('a query parameter is invalid; `field` names it'),
            503: error('the manifest store is unreachable'),
          },
        },
      },
      '/v1/videos/{id}/related': {
        get: {
          operationId: 'getRelated',
          tags: ['recommendations'],
          summary: 'Videos to watch after this one (Up Next)',
          parameters: [
            pathParameter('id', VideoSchema.shape.video_id, 'the video being watched'),
            ...queryParameters(RelatedParams, PAGE_NOTES),
          ],
          responses: {
            200: json('the related videos, possibly degraded (see fallback)', 'RelatedResponse', true),
            400: error('a parameter is invalid; `field` names it'),
          },
        },
      },
      '/v1/events': {
        post: {
          operationId: 'postEvents',
          tags: ['ingest'],
          summary: 'Record a batch of user events',
          description: 'Appended durably to the event log before the answer, then applied to the realtime state.',
          requestBody: body('EventsBody', 'the events, validated one by one'),
          security: API_KEY_SECURITY,
          responses: {
            202: json('the batch is in the event log', 'EventsAccepted'),
            400: error('an event is invalid; `field` names it, e.g. events[3].watch_time_sec'),
            401: error('the API key is missing or not valid'),
            503: error('the event log is unavailable (nothing was acknowledged), or no API key is configured'),
          },
        },
      },
      '/v1/videos': {
        post: {
          operationId: 'postVideo',
          tags: ['ingest'],
          summary: 'Add a new upload to the fresh pool',
          requestBody: body('Video', 'the video'),
          security: API_KEY_SECURITY,
          responses: {
            201: { description: 'the video joined the fresh pool' },
            400: error('a field is invalid; `field` names it'),
            401: error('the API key is missing or not valid'),
            503: error('the realtime store is unavailable, or no API key is configured'),
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'getHealth',
          tags: ['operations'],
          summary: 'The published manifest and the liveness of each store',
          responses: {
            200: json('KV and R2 are up (Redis may be down: the feed fails open without it)', 'HealthzResponse'),
            503: json('KV or R2 is down', 'HealthzResponse'),
          },
        },
      },
    },
    components: { schemas: componentSchemas(), securitySchemes: SECURITY_SCHEMES },
  };
}

let built: OpenApiDocument | null = null;
export const openApiDocument = (): OpenApiDocument => (built ??= buildOpenApiDocument());
