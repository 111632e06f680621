// Calls the worker's own default export inside workerd, with the real bindings of wrangler.toml.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import worker from '../index.js';
import type { FeedBody } from '../routes/feed-response.js';

export type Answer<T> = { status: number; headers: Headers; body: T };

export async function get<T = FeedBody>(path: string, init?: RequestInit): Promise<Answer<T>> {
  const res = await exports.default.fetch(new Request(`http://edgefeed.test${path}`, init));
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export type ErrorBody = { error: { code: string; message: string; field?: string } };

/** Like `get`, then waits for the request's waitUntil work (impressions, remembered videos). */
export async function settled<T = FeedBody>(path: string, init?: RequestInit): Promise<Answer<T>> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://edgefeed.test${path}`, init), env, ctx);
  const body = (await res.json()) as T;
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, body };
}
