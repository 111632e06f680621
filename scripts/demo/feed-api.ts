// The few API calls the browser test makes beside the page: a control user's feed and events, and
// waiting until the light ranker scores (a cold model keeps the heavy order, which would make two
// pages of the same list differ for a reason the test is not about).
import { z } from 'zod';
import type { EventInput } from '../../models/schemas.js';

const Item = z.object({ video_id: z.string(), creator_id: z.string(), reason: z.string(), position: z.number() });
const Page = z.object({
  items: z.array(Item),
  next_cursor: z.string().nullable(),
  fallback: z.object({ reason: z.string() }).optional(),
  debug: z.object({ scorers: z.array(z.object({ source: z.string(), status: z.string() })) }).optional(),
});
/** A page, and whether it was served without the user's realtime state (x-edgefeed-realtime: degraded). */
export type FeedPage = z.infer<typeof Page> & { realtimeDegraded: boolean };

export async function feedPage(base: string, userId: string, n: number, o: { debug?: boolean } = {}): Promise<FeedPage> {
  const res = await fetch(`${base}/v1/feed?user_id=${encodeURIComponent(userId)}&n=${n}${o.debug ? '&debug=1' : ''}`);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /v1/feed for ${userId}: HTTP ${res.status}: ${text.slice(0, 200)}`);
  return { ...Page.parse(JSON.parse(text)), realtimeDegraded: res.headers.get('x-edgefeed-realtime') === 'degraded' };
}

/** Calls `load` again (up to `tries` in all) while its answer is degraded: the realtime read has a 100 ms budget. */
export async function withRealtime<T>(load: () => Promise<T>, degraded: (t: T) => boolean | Promise<boolean>, tries = 3): Promise<T> {
  let answer = await load();
  for (let i = 1; i < tries && (await degraded(answer)); i++) answer = await load();
  return answer;
}

export async function postEvents(base: string, apiKey: string, events: EventInput[]): Promise<void> {
  const res = await fetch(`${base}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ events }) });
  if (res.status !== 202) throw new Error(`POST /v1/events: HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const realtime = res.headers.get('x-edgefeed-realtime');
  if (realtime) throw new Error(`POST /v1/events: realtime ${realtime} (${res.headers.get('x-edgefeed-realtime-detail')})`);
}

/** Polls `userId`'s feed until every scorer ran ('ok'); returns how many calls that took. */
export async function waitForScorers(base: string, userId: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let calls = 1; ; calls++) {
    const page = await feedPage(base, userId, 10, { debug: true });
    const scorers = page.debug?.scorers ?? [];
    if (scorers.length > 0 && scorers.every((s) => s.status === 'ok')) return calls;
    if (Date.now() > deadline) throw new Error(`scorers not ready within ${timeoutMs} ms: ${JSON.stringify(scorers)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
