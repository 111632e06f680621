// The heavy ranker as the rebuild runs it: feature rows from the point-in-time state, a real exported
// ONNX model in onnxruntime-web, calibration, and the ranking score.
import { describe, expect, it } from 'vitest';
import { TASKS } from '../../models/candidates.js';
import { normFitter } from '../../models/features/normalise.js';
import { FeatureState } from '../../models/features/state.js';
import { exportMmoe } from '../../models/ranker/export-onnx.js';
import { mmoeForward } from '../../models/ranker/forward.js';
import { createOrtSession, runMmoe } from '../../models/ranker/ort-node.js';
import { randomMmoeWeights } from '../../models/ranker/random-weights.js';
import { score } from '../../models/ranker/score.js';
import { EventSchema } from '../../models/schemas.js';
import { rankerConfig } from '../ranker/prepare.js';
import { HOUR, like, T0, tinyUsers, tinyVideos, view } from '../testing/tiny-world.js';
import { heavyRanker } from './heavy-rank.js';

const videos = new Map(tinyVideos.map((v) => [v.video_id, v]));
const users = new Map(tinyUsers.map((u) => [u.user_id, u]));
const state = new FeatureState(videos, users);
for (const e of [view('u1', 'a', T0), like('u1', 'a', T0 + 1), view('u2', 'd', T0 + HOUR)]) state.apply(EventSchema.parse(e));
const now = T0 + 2 * HOUR;
// Normalisation fitted on no rows: means 0 and std 1 leave raw values as they are.
const norm = normFitter().stats();
const weights = randomMmoeWeights(rankerConfig(), 3);

describe('heavyRanker', () => {
  it('scores candidates through ONNX exactly as the TypeScript forward pass does, in input order', async () => {
    const session = await createOrtSession(exportMmoe(weights, { featureSpecVersion: norm.spec_version, modelVersion: 't' }));
    let seen: { dense: Float32Array; ids: Int32Array; batch: number } | null = null;
    const ranker = heavyRanker({ run: (input) => ((seen = input), runMmoe(session, input)), norm, calibrators: {} });
    const candidates = [videos.get('b')!, videos.get('e')!, videos.get('c')!];
    const { preds, scores } = await ranker.score(state, 'u1', candidates, now);
    expect(preds.length).toBe(candidates.length * TASKS.length);
    const ts = mmoeForward(weights, { dense: seen!.dense, ids: seen!.ids }).preds;
    for (let i = 0; i < preds.length; i++) expect(preds[i]).toBeCloseTo(ts[i]!, 5);
    expect(Array.from(scores)).toEqual(Array.from(score({ tasks: TASKS, preds })));
    // Rows differ by video: the ids of the video slot change with the candidate.
    expect(seen!.ids[0]).not.toBe(seen!.ids[seen!.ids.length / 3]);
  });

  it('scores a user the same whoever was scored before (no feature carried over between rows)', async () => {
    const session = await createOrtSession(exportMmoe(weights, { featureSpecVersion: norm.spec_version, modelVersion: 't' }));
    const make = () => heavyRanker({ run: (input) => runMmoe(session, input), norm, calibrators: {} });
    const candidates = [videos.get('b')!, videos.get('f')!];
    // u1 finished a view (its duration-preference columns are set); u3 has none.
    const shared = make();
    await shared.score(state, 'u1', candidates, now);
    const after = await shared.score(state, 'u3', candidates, now);
    const alone = await make().score(state, 'u3', candidates, now);
    expect(Array.from(after.preds)).toEqual(Array.from(alone.preds));
  });

  it('applies each task’s calibrator to its head', async () => {
    const run = async (input: { batch: number }) => ({ preds: new Float32Array(input.batch * TASKS.length).fill(0.5) });
    const ranker = heavyRanker({ run, norm, calibrators: { click: { kind: 'platt', a: 1, b: Math.log(3) } } });
    const { preds } = await ranker.score(state, 'u2', [videos.get('a')!], now);
    expect(preds[0]).toBeCloseTo(0.75, 6); // sigmoid(logit(0.5) + ln 3)
    expect(preds[2]).toBeCloseTo(0.5, 6); // like: no calibrator
  });
});
