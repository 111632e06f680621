// Sends a feed-shaped answer; also used by the error handler so a broken feed still answers 200.
import type { Context } from 'hono';
import { FALLBACK_HEADER, type Fallback } from '../pipeline/fallback.js';
import type { ItemJson } from './present.js';

export type FeedBody = {
  user_id: string | null;
  version: string | null;
  region: string;
  items: ItemJson[];
  next_cursor: string | null;
  fallback?: Fallback;
  debug?: unknown;
};

export function sendFeed(c: Context, body: FeedBody) {
  if (body.fallback) c.header(FALLBACK_HEADER, body.fallback.reason);
  // Pages are personal and depend on the cursor: never cache them in shared caches.
  c.header('cache-control', 'private, no-store');
  return c.json(body, 200);
}

export const emptyFeed = (userId: string | null, region: string, fallback: Fallback, debug?: unknown): FeedBody => ({
  user_id: userId,
  version: null,
  region,
  items: [],
  next_cursor: null,
  fallback,
  ...(debug !== undefined && { debug }),
});
