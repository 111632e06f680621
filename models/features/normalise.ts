// Normalisation stats: per dense column mean/std fitted on training rows (Welford, one pass), shipped
// as JSON next to the model and applied identically at serving. 'none' columns pass through.
import { z } from 'zod';
import { FeatureShapeError, FeatureSpecMismatchError } from './errors.js';
import { DENSE_COLUMNS, DENSE_DIM, FEATURE_SPEC_VERSION } from './spec.js';

/** |z| is clipped here so one outlier (a viral video) cannot dominate a layer's input. */
export const Z_CLIP = 8;
const MIN_STD = 1e-6;

export const NormStatsSchema = z.object({
  kind: z.literal('feature-norm'),
  spec_version: z.string().min(1),
  count: z.number().int().nonnegative(),
  columns: z.array(z.object({ name: z.string(), norm: z.enum(['zscore', 'none']), mean: z.number(), std: z.number().positive() })),
});
export type NormStats = z.infer<typeof NormStatsSchema>;

/** Streaming fit: add raw rows one by one, then `stats()`. */
export function normFitter() {
  const mean = new Float64Array(DENSE_DIM);
  const m2 = new Float64Array(DENSE_DIM);
  let n = 0;
  return {
    add(raw: Float32Array) {
      if (raw.length !== DENSE_DIM) throw new FeatureShapeError(`row has ${raw.length} columns, spec has ${DENSE_DIM}`);
      n++;
      for (let j = 0; j < DENSE_DIM; j++) {
        const d = raw[j]! - mean[j]!;
        mean[j]! += d / n;
        m2[j]! += d * (raw[j]! - mean[j]!);
      }
    },
    stats(): NormStats {
      const columns = DENSE_COLUMNS.map((c, j) =>
        c.norm === 'none'
          ? { name: c.name, norm: c.norm, mean: 0, std: 1 }
          : { name: c.name, norm: c.norm, mean: mean[j]!, std: Math.max(MIN_STD, n > 1 ? Math.sqrt(m2[j]! / (n - 1)) : 1) },
      );
      return { kind: 'feature-norm', spec_version: FEATURE_SPEC_VERSION, count: n, columns };
    },
  };
}

export const fitNormStats = (rows: Iterable<Float32Array>): NormStats => {
  const f = normFitter();
  for (const r of rows) f.add(r);
  return f.stats();
};

/** Parses stored stats and refuses ones fitted for another spec (a skew bug, not a fallback case). */
export function loadNormStats(json: unknown): NormStats {
  const s = NormStatsSchema.parse(json);
  if (s.spec_version !== FEATURE_SPEC_VERSION) throw new FeatureSpecMismatchError(FEATURE_SPEC_VERSION, s.spec_version);
  if (s.columns.length !== DENSE_DIM) throw new FeatureShapeError(`stats have ${s.columns.length} columns, spec has ${DENSE_DIM}`);
  return s;
}

/** Normalises a raw row (in place by default) with fitted stats. */
export function normalise(raw: Float32Array, stats: NormStats, out: Float32Array = raw): Float32Array {
  if (stats.spec_version !== FEATURE_SPEC_VERSION) throw new FeatureSpecMismatchError(FEATURE_SPEC_VERSION, stats.spec_version);
  stats.columns.forEach((c, j) => {
    if (c.norm === 'none') out[j] = raw[j]!;
    else out[j] = Math.max(-Z_CLIP, Math.min(Z_CLIP, (raw[j]! - c.mean) / c.std));
  });
  return out;
}
