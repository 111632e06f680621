// The feed with a published light model: onnxruntime-web runs it inside workerd on the request path
// once the isolate has loaded it (the first request loads it outside the answer, via waitUntil).
import { env } from 'cloudflare:test';
import { beforeAll, expect, it } from 'vitest';
import { LIGHT_ARTIFACT } from '../rankers/light-model.js';
import { lightModelBytes, publishLight } from '../rankers/fixtures/publish-light.js';
import { settled } from './http.js';
import { publish, video, WORLD } from './seed.js';

type Debug = { scorers: { source: string; status: string }[] };

beforeAll(async () => {
  const light = await publishLight(env.ARTIFACTS, 'vl', lightModelBytes());
  // Twelve candidates with heavy predictions (click, watch, like, finish, dislike), as the rebuild stores them.
  const items = Array.from({ length: 12 }, (_, i) => ({ ...video(`l${i}`, 1 - i / 20), creator_id: `creator-${i % 6}`, preds: [0.5 - i / 40, 2, 0.1, 0.3, 0.02], upload_ts: Date.now() - i * 3_600_000 }));
  await publish(env.FEED_KV, 'vl', { users: { 'light-user': items }, trending: WORLD.trending }, null, { [LIGHT_ARTIFACT]: light.artifacts[LIGHT_ARTIFACT]! });
});

it('scores with the light ranker once the model is warm, keeping each score part', async () => {
  const cold = await settled('/v1/feed?user_id=light-user&n=10&debug=1');
  expect(cold.status).toBe(200);
  // A cold isolate may spend longer than the budget loading the model: then the heavy order stands.
  expect(['ok', 'timeout']).toContain((cold.body.debug as Debug).scorers[0]!.status);
  const warm = await settled('/v1/feed?user_id=light-user&n=10&debug=1');
  const scorers = (warm.body.debug as Debug).scorers;
  expect(scorers.map((s) => [s.source, s.status])).toEqual([
    ['LightRanker', 'ok'],
    ['RealtimeAffinity', 'ok'],
  ]);
  const personal = warm.body.items.filter((i) => i.reason !== 'exploring');
  expect(personal.length).toBeGreaterThan(5);
  for (const item of personal) expect(Number.isFinite(item.score_parts!.LightRanker)).toBe(true);
  // The blended scores differ from the stored heavy ones (1 − i/20 for l<i>): the model ran.
  const heavy = (id: string) => 1 - Number(id.slice(1)) / 20;
  expect(personal.some((i) => Math.abs(i.score_parts!.LightRanker! - heavy(i.video_id)) > 1e-3)).toBe(true);
});

it('keeps serving in the heavy order when the published model does not match its manifest', async () => {
  const good = await publishLight(env.ARTIFACTS, 'vbad', lightModelBytes());
  // The manifest seals other bytes: the sha256 check refuses the model.
  const sealed = { ...good.artifacts[LIGHT_ARTIFACT]!, sha256: '0'.repeat(64) };
  const items = Array.from({ length: 6 }, (_, i) => ({ ...video(`h${i}`, 1 - i / 10), creator_id: `creator-h${i}`, preds: [0.3, 2, 0.1, 0.3, 0.02] }));
  await publish(env.FEED_KV, 'vbad', { users: { 'heavy-user': items }, trending: WORLD.trending }, null, { [LIGHT_ARTIFACT]: sealed });
  await settled('/v1/feed?user_id=heavy-user&n=4');
  const { status, body } = await settled('/v1/feed?user_id=heavy-user&n=4&debug=1');
  expect(status).toBe(200);
  const light = (body.debug as { scorers: { source: string; status: string; detail?: string }[] }).scorers[0]!;
  expect(light).toMatchObject({ source: 'LightRanker', status: 'error' });
  expect(light.detail).toMatch(/sha256/i);
  expect(body.items.map((i) => i.video_id)).toEqual(['h0', 'h1', 'h2', 'h3']);
});
