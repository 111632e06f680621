// The light ranker as a pipeline Scorer: one light score per candidate, in input order. Scores are
// the light model's P(click | heavy predictions, session), in (0, 1); blend.ts combines them with the
// heavy score. Any failure is a LightScoringError: the feed catches it and keeps the heavy order.
import type { RankedItem } from '../../models/candidates.js';
import { LIGHT_OUTPUT } from '../../models/light-ranker/export-onnx.js';
import { LIGHT_DIM } from '../../models/light-ranker/layout.js';
import type { SessionView } from '../../models/light-ranker/session.js';
import type { Manifest } from '../../models/schemas.js';
import { LightModelRunError } from './errors.js';
import { lightMatrix } from './light-inputs.js';
import { isolateLightModels, type LightModelCache } from './light-model-cache.js';
import type { ArtifactBucket } from './light-model.js';

/** What a pipeline scorer step calls (it supplies the session view and the request time). */
export type LightScorer = {
  readonly name: 'LightRanker';
  score(items: RankedItem[], session: SessionView, nowMs: number): Promise<Float32Array>;
};

export type LightScorerDeps = {
  manifest: Manifest;
  /** The ARTIFACTS bucket (R2), read once per model per isolate. */
  bucket: ArtifactBucket;
  /** Defaults to the isolate's cache; tests pass their own. */
  cache?: LightModelCache;
};

export const lightScorer = ({ manifest, bucket, cache = isolateLightModels }: LightScorerDeps): LightScorer => ({
  name: 'LightRanker',
  async score(items, session, nowMs) {
    const x = lightMatrix(items, session, nowMs);
    if (items.length === 0) return new Float32Array(0);
    const model = await cache.get(manifest, bucket);
    let out: Float32Array;
    try {
      out = await model.session.runFloat(x, items.length, LIGHT_DIM, LIGHT_OUTPUT);
    } catch (cause) {
      throw new LightModelRunError(cause instanceof Error ? cause.message : String(cause), { cause });
    }
    if (out.length !== items.length) throw new LightModelRunError(`${out.length} scores for ${items.length} candidates`);
    const bad = out.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new LightModelRunError(`score ${bad} is ${out[bad]}`);
    return out;
  },
});
