// Zod descriptions of what the routes answer, for the OpenAPI document. The routes build these
// shapes as TypeScript types (routes/present.ts, routes/feed-response.ts); the type checks below
// fail the typecheck when the two drift, and responses.test.ts parses real answers with them.
import { z } from 'zod';
import type { Fallback } from '../pipeline/fallback.js';
import type { FeedBody } from '../routes/feed-response.js';
import type { ItemJson } from '../routes/present.js';

export const FallbackJson = z.strictObject({
  reason: z.string().describe('why the answer is degraded, e.g. regional-miss, nothing-published'),
  detail: z.string(),
});

export const ItemJsonSchema = z.strictObject({
  video_id: z.string(),
  creator_id: z.string(),
  category: z.string(),
  source: z.string().describe('the candidate source that placed the item'),
  sources: z.array(z.string()).describe('every source that proposed it, strongest first'),
  score: z.number(),
  position: z.number().int().nonnegative().describe('0-based slot in this page (the `position` events report)'),
  reason: z.string(),
  score_parts: z.record(z.string(), z.number()).optional().describe('the score after each scorer (LightRanker, RealtimeAffinity...)'),
});

const debug = z.unknown().optional().describe('stage counts, timings and the source chain; only with ?debug=1');

export const FeedResponse = z.strictObject({
  user_id: z.string().nullable(),
  version: z.string().nullable().describe('the published version the lists come from'),
  region: z.string(),
  items: z.array(ItemJsonSchema),
  next_cursor: z.string().nullable().describe('pass back as ?cursor= for the next page; null at the end'),
  fallback: FallbackJson.optional(),
  debug,
});

export const TrendingResponse = z.strictObject({
  region: z.string(),
  served_region: z.string().nullable().describe('the region whose list was served (global when the region has none)'),
  version: z.string().nullable(),
  items: z.array(ItemJsonSchema),
  fallback: FallbackJson.optional(),
  debug,
});

/** Up Next answers in the feed's shape (user_id is null without a viewer). */
export const RelatedResponse = FeedResponse;

const storeState = z.enum(['up', 'down', 'not configured']);
export const HealthzResponse = z.strictObject({
  ok: z.boolean(),
  manifest: z
    .strictObject({
      version: z.string(),
      created_at: z.string(),
      parent_version: z.string().nullable(),
      build: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    })
    .nullable(),
  stores: z.strictObject({ kv: storeState, r2: storeState, redis: storeState }),
  timings: z.strictObject({ kv_ms: z.number(), r2_ms: z.number(), redis_ms: z.number().nullable(), total_ms: z.number() }),
  notes: z.array(z.string()).optional(),
});

export const EventsAccepted = z.strictObject({
  accepted: z.number().int().nonnegative().describe('events new to the system'),
  duplicates: z.number().int().nonnegative().describe('events whose event_id was already recorded; skipped'),
});

export const ErrorResponse = z.strictObject({
  error: z.strictObject({
    code: z.string().describe('machine-readable, e.g. invalid_parameter, missing_credential'),
    message: z.string(),
    field: z.string().optional().describe('the parameter, body field or header to fix'),
  }),
});

// Compile-time drift checks against the types the routes build.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type ResponseSchemasMatchRoutes = [
  Assert<Equals<z.infer<typeof FallbackJson>, Fallback>>,
  Assert<Equals<z.infer<typeof ItemJsonSchema>, ItemJson>>,
  Assert<Equals<z.infer<typeof FeedResponse>, FeedBody>>,
];
