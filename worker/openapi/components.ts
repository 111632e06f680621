// The document's reusable parts: every body and response schema, generated from zod by
// z.toJSONSchema (request bodies as their input type: defaults optional, ISO timestamps allowed),
// and the security schemes of worker/auth.
import { z } from 'zod';
import { EventSchema, VideoSchema } from '../../models/schemas.js';
import { API_KEY_HEADER, USER_TOKEN_HEADER } from '../auth/vars.js';
import {
  ErrorResponse,
  EventsAccepted,
  FallbackJson,
  FeedResponse,
  HealthzResponse,
  ItemJsonSchema,
  RelatedResponse,
  TrendingResponse,
} from './response-schemas.js';
import type { JsonSchema, SecurityRequirement, SecurityScheme } from './types.js';

/** Events one POST /v1/events may carry. */
export const EVENTS_PER_REQUEST_MAX = 500;

export const EventsBody = z.strictObject({ events: z.array(EventSchema).min(1).max(EVENTS_PER_REQUEST_MAX) });

const registry = z.registry<{ id: string }>();
const named = {
  Event: [EventSchema, 'One user interaction. A `view` needs `watch_time_sec`; `ts` is epoch milliseconds or an ISO date-time.'],
  EventsBody: [EventsBody, `A batch of 1 to ${EVENTS_PER_REQUEST_MAX} events.`],
  EventsAccepted: [EventsAccepted, 'What the batch added.'],
  Video: [VideoSchema, 'A video upload; joins the fresh pool.'],
  Item: [ItemJsonSchema, 'A recommended video with the evidence of why it was placed.'],
  Fallback: [FallbackJson, 'Present when the answer is degraded; mirrored in the x-edgefeed-fallback header.'],
  FeedResponse: [FeedResponse, 'A page of the personal feed.'],
  TrendingResponse: [TrendingResponse, 'A page of the regional or global trending list.'],
  RelatedResponse: [RelatedResponse, 'Videos to watch after this one (Up Next).'],
  HealthzResponse: [HealthzResponse, 'The published manifest and the liveness of each store.'],
  Error: [ErrorResponse, 'Every 4xx and 5xx answer.'],
} as const satisfies Record<string, readonly [z.ZodType, string]>;
for (const [id, [schema]] of Object.entries(named)) registry.add(schema, { id });

export type SchemaName = keyof typeof named;
export const ref = (name: SchemaName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export function componentSchemas(): Record<SchemaName, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { io: 'input', uri: (id) => `#/components/schemas/${id}` });
  // The dialect is declared once, as the document's jsonSchemaDialect; a fragment-only $id is not a
  // valid 2020-12 $id, and components are addressed by their key anyway.
  const entries = Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [
    id,
    { description: named[id as SchemaName][1], ...schema },
  ]);
  return Object.fromEntries(entries) as Record<SchemaName, JsonSchema>;
}

export const SECURITY_SCHEMES = {
  apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from EDGEFEED_API_KEYS, as `authorization: Bearer <key>`.' },
  apiKeyHeader: { type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: `The same API key, as \`${API_KEY_HEADER}: <key>\`.` },
  userToken: {
    type: 'apiKey',
    in: 'header',
    name: USER_TOKEN_HEADER,
    description:
      "base64url(JSON {uid, exp}) '.' base64url(HMAC-SHA256(USER_TOKEN_SECRET, JSON)), exp in epoch seconds, uid equal to user_id. " +
      'Required only when REQUIRE_USER_TOKEN=1; your backend signs it (worker/auth/user-token-codec.ts signUserToken).',
  },
} as const satisfies Record<string, SecurityScheme>;

export const API_KEY_SECURITY: SecurityRequirement[] = [{ apiKey: [] }, { apiKeyHeader: [] }];
/** `{}`: the token is needed only when the deployment switches it on. */
export const USER_TOKEN_SECURITY: SecurityRequirement[] = [{ userToken: [] }, {}];
