// Drives GET /v1/feed: round-robin over users, sequentially or with a fixed number of calls in flight
// (p-map as the pool; no HTTP load generator is installed). A non-200 or a non-debug body is counted
// as an error with its first words, never retried, so the report shows it.
import pMap from 'p-map';
import { feedSample, type FeedSample } from './feed-sample.js';

export type FeedRun = { samples: FeedSample[]; errors: Record<string, number>; wallMs: number; concurrency: number };

export type FeedCall = { base: string; users: readonly string[]; n: number };

async function callFeed(c: FeedCall, i: number): Promise<FeedSample> {
  const user = c.users[i % c.users.length]!;
  const url = `${c.base}/v1/feed?user_id=${encodeURIComponent(user)}&n=${c.n}&debug=1`;
  const started = performance.now();
  const res = await fetch(url);
  const text = await res.text(); // the body is part of what a client waits for
  const clientMs = performance.now() - started;
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 120)}`);
  return feedSample(clientMs, JSON.parse(text));
}

/** `calls` feed calls starting at user `offset`, `concurrency` at a time (1: one after another). */
export async function runFeed(c: FeedCall, o: { calls: number; concurrency: number; offset?: number }): Promise<FeedRun> {
  const samples: FeedSample[] = [];
  const errors: Record<string, number> = {};
  const started = performance.now();
  await pMap(
    Array.from({ length: o.calls }, (_, k) => k + (o.offset ?? 0)),
    async (i) => {
      try {
        samples.push(await callFeed(c, i));
      } catch (err) {
        const key = (err instanceof Error ? err.message : String(err)).slice(0, 160);
        errors[key] = (errors[key] ?? 0) + 1;
      }
    },
    { concurrency: o.concurrency },
  );
  return { samples, errors, wallMs: performance.now() - started, concurrency: o.concurrency };
}
