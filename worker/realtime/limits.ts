// How long realtime state lives in Redis and how big it may grow. Realtime state only bridges the gap
// until the next central rebuild reads the event log, so every key expires and every set is capped.

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/** An event_id is remembered this long: a client retry within it is reported as a duplicate. */
export const EVENT_ID_TTL_SECONDS = 7 * DAY_SECONDS;

/** An impression or view hides the video for this long (the "seen" window). */
export const SEEN_WINDOW_SECONDS = 3 * DAY_SECONDS;
export const SEEN_MAX = 1000;
export const DISLIKED_VIDEOS_TTL_SECONDS = 90 * DAY_SECONDS;
export const DISLIKED_VIDEOS_MAX = 500;
/** A dislike demotes the video's creator for this long. */
export const DISLIKED_CREATORS_TTL_SECONDS = 30 * DAY_SECONDS;
export const DISLIKED_CREATORS_MAX = 200;
export const FOLLOWED_CREATORS_TTL_SECONDS = 30 * DAY_SECONDS;
export const FOLLOWED_CREATORS_MAX = 1000;
export const SESSION_TTL_SECONDS = 7 * DAY_SECONDS;

/** Trending counters: one hash per region and UTC hour, kept this long after the hour ends. */
export const TRENDING_BUCKET_SECONDS = HOUR_SECONDS;
export const TRENDING_RETENTION_SECONDS = 48 * HOUR_SECONDS;
/** The central trending job's half-life (functions/config.ts rebuildConfig.trendingHalfLifeHours). */
export const TRENDING_HALF_LIFE_HOURS_DEFAULT = 24;

/** Exploration counters of a video expire this long after its last event. */
export const EXPLORATION_TTL_SECONDS = 7 * DAY_SECONDS;

/** Fresh pool: uploads younger than this (functions/config.ts freshMaxAgeHours), at most FRESH_POOL_MAX per region. */
export const FRESH_WINDOW_SECONDS = 72 * HOUR_SECONDS;
export const FRESH_POOL_MAX = 300;
/** creator and category of a video, for dislikes, follows and sessions of events that carry only video_id. */
export const VIDEO_REF_TTL_SECONDS = 30 * DAY_SECONDS;

/** Per-request time budgets of the ingestion routes (one attempt each). */
export const EVENTS_REDIS_BUDGET_MS = 500;
export const EVENT_LOG_BUDGET_MS = 3000;
export const VIDEOS_REDIS_BUDGET_MS = 500;

/** POST /v1/events accepts this many events per request. */
export const EVENTS_PER_REQUEST_MAX = 500;
/** Largest request body of the ingestion routes (500 events of ~300 bytes fit with room to spare). */
export const INGEST_BODY_MAX_BYTES = 1024 * 1024;
