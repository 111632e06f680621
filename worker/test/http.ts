// Calls the worker's own default export inside workerd, with the real bindings of wrangler.toml.
import { exports } from 'cloudflare:workers';
import type { FeedBody } from '../routes/feed-response.js';

export type Answer<T> = { status: number; headers: Headers; body: T };

export async function get<T = FeedBody>(path: string, init?: RequestInit): Promise<Answer<T>> {
  const res = await exports.default.fetch(new Request(`http://edgefeed.test${path}`, init));
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export type ErrorBody = { error: { code: string; message: string; field?: string } };
