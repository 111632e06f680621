// POST /v1/videos: a new upload (models/schemas.ts Video) → 201 once it is in its region's and the
// global fresh pool in Redis, where the feed's fresh source finds it on its next call. Without Redis
// there is nowhere to put it: 503 (store_unavailable), the client retries.
import { Hono } from 'hono';
import { VideoSchema } from '../../models/schemas.js';
import { readConfig, REDIS_TOKEN_HINT } from '../config.js';
import { BadRequestError } from '../errors.js';
import { errorHandler } from '../middleware/error-handler.js';
import { fieldName } from '../realtime/event-batch.js';
import { VIDEOS_REDIS_BUDGET_MS } from '../realtime/limits.js';
import { ingestBodyLimit, readJsonBody } from '../realtime/request-body.js';
import { StoreUnavailableError } from '../stores/errors.js';
import { upstashRealtimeStore } from '../stores/upstash-realtime-store.js';

export type VideosBody = { video_id: string; pooled: boolean; regions: string[]; fresh_until: string };

export const videosRoute = new Hono<{ Bindings: Env }>().post('/', ingestBodyLimit(), async (c) => {
  const parsed = VideoSchema.safeParse(await readJsonBody(c.req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldName(issue?.path ?? []) || 'body';
    throw new BadRequestError(field, `${field}: ${issue?.message ?? 'invalid video'}`, 'invalid_video');
  }
  const config = readConfig(c.env);
  if (!config.redis) throw new StoreUnavailableError('Upstash', `not configured: ${REDIS_TOKEN_HINT}`);
  const store = upstashRealtimeStore({ ...config.redis, requestBudgetMs: VIDEOS_REDIS_BUDGET_MS });
  const added = await store.addFresh(parsed.data, Date.now());
  return c.json<VideosBody>(
    { video_id: parsed.data.video_id, pooled: added.pooled, regions: added.regions, fresh_until: new Date(added.freshUntilMs).toISOString() },
    201,
  );
});
videosRoute.onError(errorHandler());
