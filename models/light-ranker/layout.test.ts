import { describe, expect, it } from 'vitest';
import { decodeList, encodeList, storedPred, storedScore } from '../candidates.js';
import { LightLayoutMismatchError } from './errors.js';
import {
  CONTEXT_DIM, HEAVY_DIM, LIGHT_COLUMNS, LIGHT_DIM, lightInputs, lightInputsFromContext, MAX_VISIT_GAP_MINUTES, UNKNOWN_AGE_HOURS,
} from './layout.js';
import type { SessionView } from './session.js';

const T = 1_800_000_000_000;
const HOUR = 3_600_000;
const session: SessionView = {
  recent: [
    { category: 'music', creator_id: 'c1', ts: T - 60_000 },
    { category: 'news', creator_id: 'c2', ts: T - 120_000 },
    { category: 'music', creator_id: 'c3', ts: T - 180_000 },
  ],
  sessionSkips: 3,
  sessionWatches: 4,
  sinceLastVisitMs: 90 * 60_000,
  isNewSession: false,
};
const candidate = { category: 'music', creator_id: 'c2', preds: [0.25, 1.7, 0.1, 0.4, 0.02], score: 0.123456, upload_ts: T - 47 * HOUR - 30_000 };

describe('light layout', () => {
  it('has one name per column', () => {
    expect(LIGHT_DIM).toBe(HEAVY_DIM + CONTEXT_DIM);
    expect(new Set(LIGHT_COLUMNS).size).toBe(LIGHT_DIM);
    expect(LIGHT_COLUMNS.slice(0, HEAVY_DIM)).toEqual(['heavy_click', 'heavy_watch', 'heavy_like', 'heavy_finish', 'heavy_dislike', 'heavy_score']);
  });

  it('lightInputs computes each column as documented', () => {
    const x = new Float32Array(LIGHT_DIM + 2).fill(-9);
    lightInputs(candidate, session, T, x, 1);
    const f = Math.fround;
    expect(x[0]).toBe(-9);
    expect(x[LIGHT_DIM + 1]).toBe(-9);
    expect([...x.subarray(1, LIGHT_DIM + 1)]).toEqual([
      f(Math.round(0.25 * 65535) / 65535), f((Math.round((1.7 / 12) * 65535) / 65535) * 12), f(Math.round(0.1 * 65535) / 65535), f(Math.round(0.4 * 65535) / 65535), f(Math.round(0.02 * 65535) / 65535),
      f(0.1235),
      f(Math.log1p(47 + 1 / 60)), // upload 47 h 30 s before T, floored to its minute (as KV stores it): 47 h 1 min
      f(2 / 3), 1, f(Math.log(4)), f(Math.log(5)), f(Math.log1p(90)), 0,
    ]);
  });

  it('defaults: unknown age, never-seen user, empty history', () => {
    const x = new Float32Array(LIGHT_DIM);
    const { upload_ts, ...noAge } = candidate;
    lightInputs(noAge, { recent: [], sessionSkips: 0, sessionWatches: 0, sinceLastVisitMs: null, isNewSession: true }, T, x);
    expect([...x.subarray(HEAVY_DIM)]).toEqual([Math.log1p(UNKNOWN_AGE_HOURS), 0, 0, 0, 0, Math.log1p(MAX_VISIT_GAP_MINUTES), 1].map(Math.fround));
  });

  it('training (from a captured context) and serving give the same row', () => {
    const serve = new Float32Array(LIGHT_DIM), train = new Float32Array(LIGHT_DIM);
    lightInputs(candidate, session, T, serve);
    lightInputsFromContext(candidate.preds, candidate.score, serve.subarray(HEAVY_DIM), train);
    expect(train).toEqual(serve);
    expect(() => lightInputs({ ...candidate, preds: [0.1] }, session, T, serve)).toThrow(LightLayoutMismatchError);
  });

  it('mirrors the KV codec exactly (what the edge will read back)', () => {
    const preds = [0.123456789, 0.5, 1.7, -0.1, 0.99999];
    const back = decodeList(encodeList({ key: 'k', version: 'v', generated_at: T, items: [{ video_id: 'v', creator_id: 'c', category: 'x', sources: [], score: 0.98765, preds }] })).items[0]!;
    expect(back.preds).toEqual(preds.map((p, t) => storedPred(t, p)));
    expect(back.score).toBe(storedScore(0.98765));
    // the age column is the same whether upload_ts comes from the catalogue (training) or KV (serving)
    const stored = decodeList(encodeList({ key: 'k', version: 'v', generated_at: T, items: [{ ...candidate, video_id: 'v', sources: [] }] })).items[0]!;
    const fromKv = new Float32Array(LIGHT_DIM), fromCatalogue = new Float32Array(LIGHT_DIM);
    lightInputs({ ...stored, preds: stored.preds! }, session, T, fromKv);
    lightInputs(candidate, session, T, fromCatalogue);
    expect(fromKv).toEqual(fromCatalogue);
  });
});
