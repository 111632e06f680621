// Events per second through POST /v1/events on the real local stack: zod validation, the R2 event
// log (written before the 202) and the realtime writes in Redis, for batches of `batch` events with
// `concurrency` requests in flight. Every event is new (unique ids), so every one does the full work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pMap from 'p-map';
import { startLocalStack, type LocalStack } from './feed-cost/local-stack.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

export async function benchEventsIngest(o: { requests?: number; batch?: number; concurrency?: number } = {}) {
  const { requests = 200, batch = 100, concurrency = 4 } = o;
  const workDir = mkdtempSync(join(tmpdir(), 'edgefeed-events-bench-'));
  let stack: LocalStack | null = null;
  try {
    stack = await startLocalStack({ stateDir: join(workDir, 'state'), workDir });
    const now = Date.now();
    const types = ['impression', 'view', 'like', 'skip', 'impression', 'view', 'follow', 'dislike'] as const;
    const body = (r: number) =>
      JSON.stringify({
        events: Array.from({ length: batch }, (_, i) => {
          const type = types[i % types.length]!;
          return { event_id: `b${r}-${i}`, user_id: `u${(r * batch + i) % 5000}`, video_id: `v${(r * 7 + i) % 2000}`, type, ts: now - i, region: 'eu', ...(type === 'view' && { watch_time_sec: 12, video_duration_sec: 20 }) };
        }),
      });
    const post = async (r: number) => {
      const t = performance.now();
      const res = await fetch(`${stack!.base}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': stack!.apiKey }, body: body(r) });
      const answer = (await res.json()) as { accepted?: number };
      if (res.status !== 202) throw new Error(`POST /v1/events answered ${res.status}: ${JSON.stringify(answer)}`);
      return { ms: performance.now() - t, accepted: answer.accepted ?? 0, degraded: res.headers.get('x-edgefeed-realtime') === 'degraded' };
    };
    for (let r = 0; r < 5; r++) await post(-1 - r); // warm-up
    const started = performance.now();
    const results = await pMap(Array.from({ length: requests }, (_, r) => r), post, { concurrency });
    const seconds = (performance.now() - started) / 1000;
    const ms = results.map((x) => x.ms);
    const accepted = results.reduce((s, x) => s + x.accepted, 0);
    return {
      requests,
      batch,
      concurrency,
      events_accepted: accepted,
      events_per_second: Math.round(accepted / seconds),
      request_ms: { p50: Math.round(median(ms)), p99: Math.round(pct(ms, 0.99)) },
      realtime_degraded_requests: results.filter((x) => x.degraded).length,
    };
  } finally {
    await stack?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
