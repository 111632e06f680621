import { describe, expect, it } from 'vitest';
import { FeatureSpecMismatchError } from './errors.js';
import { fitNormStats, loadNormStats, normalise, Z_CLIP } from './normalise.js';
import { DENSE_COLUMNS, DENSE_DIM, DENSE_OFFSET } from './spec.js';
import { seededWorld } from './seeded-events.js';
import { trainingRows, type TrainingRow } from './training-rows.js';

const w = seededWorld(3);
const rows: TrainingRow[] = [];
const b = trainingRows({ videos: w.videos, users: w.users, onRow: (r) => rows.push(r) });
for (const e of w.events) b.push(e);
b.finish(w.endMs);

describe('normalisation stats', () => {
  const stats = fitNormStats(rows.map((r) => r.dense));

  it('z-scores fitted columns to mean 0, std 1 and passes flags through', () => {
    const z = rows.map((r) => normalise(r.dense, stats, new Float32Array(DENSE_DIM)));
    const j = DENSE_OFFSET.v_duration_log;
    const mean = z.reduce((s, r) => s + r[j]!, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, r) => s + (r[j]! - mean) ** 2, 0) / (z.length - 1));
    expect(Math.abs(mean)).toBeLessThan(1e-5);
    expect(sd).toBeCloseTo(1, 4);
    const f = DENSE_OFFSET.is_new_user;
    expect(z.map((r) => r[f])).toEqual(rows.map((r) => r.dense[f]));
    expect(DENSE_COLUMNS.every((c, k) => c.norm === 'zscore' || (stats.columns[k]!.mean === 0 && stats.columns[k]!.std === 1))).toBe(true);
  });

  it('survives JSON, clips outliers and refuses stats of another spec', () => {
    const back = loadNormStats(JSON.parse(JSON.stringify(stats)));
    expect(back).toEqual(stats);
    const raw = new Float32Array(rows[0]!.dense);
    raw[DENSE_OFFSET.v_duration_log] = 1e6;
    expect(normalise(raw, back)[DENSE_OFFSET.v_duration_log]).toBe(Z_CLIP);
    expect(() => loadNormStats({ ...stats, spec_version: 'fs-00000000' })).toThrow(FeatureSpecMismatchError);
  });
});
