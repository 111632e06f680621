// The one data contract: events, videos, users, the event log, candidate lists and the artifact
// manifest. TypeScript types are inferred from these schemas; nothing else defines these shapes.
import { z } from 'zod';

const id = z.string().min(1).max(128);
/** Epoch milliseconds. Accepts an ISO string too, so NDJSON written by other tools validates. */
const timestampMs = z.union([
  z.number().int().nonnegative(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);
const region = z.string().min(2).max(16);
const language = z.string().min(2).max(16);
export const DEVICES = ['ios', 'android', 'web', 'tv', 'other'] as const;
export const device = z.enum(DEVICES);

export const UserSchema = z.object({
  user_id: id,
  region,
  language,
  device,
  signup_ts: timestampMs,
  /** Coarse activity level (KuaiRand's user_active_degree, or the generator's). */
  activity: z.enum(['high', 'medium', 'low', 'new']).optional(),
  age_bucket: z.string().max(16).optional(),
});
export type User = z.infer<typeof UserSchema>;

export const VideoSchema = z.object({
  video_id: id,
  creator_id: id,
  category: z.string().min(1).max(64),
  tags: z.array(z.string().max(64)).max(64).default([]),
  duration_sec: z.number().positive().max(86_400),
  upload_ts: timestampMs,
  region,
  language,
  title: z.string().max(512),
});
export type Video = z.infer<typeof VideoSchema>;

export const EVENT_TYPES = ['impression', 'view', 'like', 'share', 'comment', 'dislike', 'follow', 'skip'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const SURFACES = ['feed', 'related', 'trending', 'search', 'profile', 'other'] as const;

export const EventSchema = z
  .object({
    event_id: id,
    user_id: id,
    video_id: id,
    ts: timestampMs,
    type: z.enum(EVENT_TYPES),
    /** 0-based slot in the page the video was shown at; absent when not shown in a list. */
    position: z.number().int().nonnegative().max(10_000).optional(),
    surface: z.enum(SURFACES).default('feed'),
    watch_time_sec: z.number().nonnegative().max(86_400).optional(),
    video_duration_sec: z.number().positive().max(86_400).optional(),
    region: region.optional(),
    device: device.optional(),
  })
  .refine((e) => e.type !== 'view' || e.watch_time_sec !== undefined, {
    message: 'a view needs watch_time_sec',
    path: ['watch_time_sec'],
  });
export type Event = z.infer<typeof EventSchema>;
export type EventInput = z.input<typeof EventSchema>;

/** Watch ratio of a view, capped at 1 (loops count as one full view). */
export const watchRatio = (e: Pick<Event, 'watch_time_sec' | 'video_duration_sec'>): number | undefined =>
  e.watch_time_sec === undefined || !e.video_duration_sec ? undefined : Math.min(1, e.watch_time_sec / e.video_duration_sec);

// ---- artifacts -------------------------------------------------------------------------------

export const ArtifactSchema = z.object({
  /** Where the bytes are: an R2 object key, or a KV key prefix for per-entity artifacts. */
  key: z.string().min(1),
  store: z.enum(['r2', 'kv']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Number of entries for a KV prefix artifact (users, regions...). */
  count: z.number().int().nonnegative().optional(),
  /** Total size of the KV values of a prefix artifact (bytes per entry = kv_value_bytes / count). */
  kv_value_bytes: z.number().int().nonnegative().optional(),
  /**
   * Older layers of a layered KV artifact, newest first. An incremental rebuild writes only the
   * entities that changed under `key`; a reader that misses there tries each of these prefixes in turn.
   */
  fallback_keys: z.array(z.string().min(1)).optional(),
  content_type: z.string().default('application/json'),
});
export type Artifact = z.infer<typeof ArtifactSchema>;

export const ManifestSchema = z.object({
  schema: z.literal(1),
  version: z.string().regex(/^[0-9A-Za-z._-]{1,64}$/),
  parent_version: z.string().nullable(),
  created_at: z.iso.datetime(),
  /** What produced it (job name, world, counts) — shown by /healthz. */
  build: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  artifacts: z.record(z.string(), ArtifactSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
