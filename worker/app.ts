// The Hono app: middleware and route mounting only.
import { Hono } from 'hono';
import { errorHandler } from './middleware/error-handler.js';
import { feedRoute } from './routes/feed.js';
import { healthzRoute } from './routes/healthz.js';
import { trendingRoute } from './routes/trending.js';

export const app = new Hono<{ Bindings: Env }>()
  .route('/v1/feed', feedRoute)
  .route('/v1/trending', trendingRoute)
  .route('/healthz', healthzRoute);

app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
app.onError(errorHandler());
