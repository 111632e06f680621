// The Hono app: middleware and route mounting only. CORS first, so preflights are answered before auth.
import { Hono } from 'hono';
import { apiKeyAuth } from './auth/api-key.js';
import { corsFromConfig } from './auth/cors.js';
import { userTokenAuth } from './auth/user-token.js';
import { errorHandler } from './middleware/error-handler.js';
import { openapiRoute } from './openapi/route.js';
import { eventsRoute } from './routes/events.js';
import { feedRoute } from './routes/feed.js';
import { catalogueRoute } from './routes/catalogue.js';
import { demoRoute } from './demo/route.js';
import { healthzRoute } from './routes/healthz.js';
import { relatedRoute } from './routes/related.js';
import { reportRoute } from './routes/report.js';
import { trendingRoute } from './routes/trending.js';
import { videosRoute } from './routes/videos.js';

export const app = new Hono<{ Bindings: Env }>()
  .use('*', corsFromConfig())
  .use('/v1/feed/*', userTokenAuth())
  .use('/v1/events/*', apiKeyAuth())
  .on('POST', '/v1/videos/*', apiKeyAuth())
  .route('/v1/feed', feedRoute)
  .route('/v1/trending', trendingRoute)
  .route('/v1/events', eventsRoute)
  .route('/v1/videos', videosRoute)
  .route('/v1/videos', relatedRoute)
  .route('/v1/catalogue', catalogueRoute)
  .route('/healthz', healthzRoute)
  .route('/report', reportRoute)
  .route('/', openapiRoute)
  .route('/', demoRoute);

app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
app.onError(errorHandler());
export type AppType = typeof app;
