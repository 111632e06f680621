// Maps named errors to statuses and `{ error: { code, message, field? } }`. The feed and Up Next
// fail open: anything but a bad request there becomes an empty 200 with reason 'internal-error'.
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EdgefeedHttpError } from '../errors.js';
import { describeError } from '../budget.js';
import { emptyFeed, sendFeed } from '../routes/feed-response.js';
import { CorruptValueError, StoreTimeoutError, StoreUnavailableError } from '../stores/errors.js';

export const FEED_PATH = '/v1/feed';
/** GET /v1/videos/:id/related answers like the feed. */
const FEED_LIKE = (method: string, path: string) => path === FEED_PATH || (method === 'GET' && /^\/v1\/videos\/[^/]+\/related$/.test(path));

const body = (code: string, message: string, field?: string) => ({ error: { code, message, ...(field && { field }) } });

export const errorHandler = (): ErrorHandler =>
  function errorHandler(err, c) {
    if (err instanceof EdgefeedHttpError) return c.json(body(err.code, err.message, err.field), err.status);
    console.error(`${c.req.method} ${c.req.path} failed: ${describeError(err)}`);
    if (FEED_LIKE(c.req.method, c.req.path)) {
      const fallback = { reason: 'internal-error', detail: describeError(err) };
      return sendFeed(c, emptyFeed(c.req.query('user_id') ?? null, c.req.query('region') ?? c.env?.DEFAULT_REGION ?? 'global', fallback));
    }
    if (err instanceof StoreTimeoutError || err instanceof StoreUnavailableError) return c.json(body('store_unavailable', err.message), 503);
    if (err instanceof CorruptValueError) return c.json(body('corrupt_value', err.message), 500);
    if (err instanceof HTTPException) return c.json(body('http_error', err.message || 'request failed'), err.status);
    return c.json(body('internal', 'internal error'), 500);
  };
