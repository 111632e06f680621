// A typed client for the Edgefeed API (Hono RPC): paths, methods and query parameters are checked by
// TypeScript against the app itself. Apps use it from their backends or browsers:
//   const api = edgefeedClient('https://feed.example.com', { headers: { 'x-api-key': KEY } });
//   const res = await api.v1.feed.$get({ query: { user_id: 'u1', n: '20' } });
import { hc, type ClientRequestOptions } from 'hono/client';
import type { AppType } from './app.js';

export const edgefeedClient = (baseUrl: string, options?: ClientRequestOptions) => hc<AppType>(baseUrl, options);
export type EdgefeedClient = ReturnType<typeof edgefeedClient>;
