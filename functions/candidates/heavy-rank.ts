// Scores one user's merged candidates with the heavy (MMoE) ranker, from the point-in-time feature
// state at the end of the log, through the same feature rows, normalisation and position input the
// model was trained with, then calibrates and combines the heads into one ranking score.
import { TASKS } from '../../models/candidates.js';
import { calibrate, type Calibrator } from '../../models/calibration/calibrator.js';
import { featureConfig } from '../../models/features/config.js';
import { normalise, type NormStats } from '../../models/features/normalise.js';
import { denseRow, idRow } from '../../models/features/row.js';
import { DENSE_DIM } from '../../models/features/spec.js';
import type { FeatureState } from '../../models/features/state.js';
import type { Task } from '../../models/ranker/mmoe-weights.js';
import { score, type RankingWeights } from '../../models/ranker/score.js';
import type { Video } from '../../models/schemas.js';
import { MODEL_DENSE_DIM, MODEL_SLOTS, positionInput } from '../ranker/prepare.js';

export type MmoeRunner = (input: { dense: Float32Array; ids: Int32Array; batch: number }) => Promise<{ preds: Float32Array }>;
export type HeavyRankerParts = { run: MmoeRunner; norm: NormStats; calibrators: Partial<Record<Task, Calibrator>>; weights?: RankingWeights };
export type HeavyScores = { preds: Float32Array; scores: Float64Array };

export function heavyRanker(p: HeavyRankerParts) {
  const raw = new Float32Array(DENSE_DIM);
  return {
    name: 'HeavyRanker',
    async score(state: FeatureState, userId: string, videos: Video[], nowMs: number): Promise<HeavyScores> {
      const n = videos.length;
      const dense = new Float32Array(n * MODEL_DENSE_DIM);
      const ids = new Int32Array(n * MODEL_SLOTS.length);
      const pos = positionInput(featureConfig.servingPosition);
      videos.forEach((v, i) => {
        const x = state.inputsFor(userId, v, nowMs, featureConfig.servingPosition);
        denseRow(x, raw);
        normalise(raw, p.norm, dense.subarray(i * MODEL_DENSE_DIM, i * MODEL_DENSE_DIM + DENSE_DIM));
        dense[i * MODEL_DENSE_DIM + DENSE_DIM] = pos;
        const all = idRow(x);
        MODEL_SLOTS.forEach((s, k) => (ids[i * MODEL_SLOTS.length + k] = all[s.column]!));
      });
      const { preds } = n === 0 ? { preds: new Float32Array(0) } : await p.run({ dense, ids, batch: n });
      TASKS.forEach((t, k) => {
        const c = p.calibrators[t];
        if (c) for (let i = 0; i < n; i++) preds[i * TASKS.length + k] = calibrate(c, preds[i * TASKS.length + k]!);
      });
      return { preds, scores: score({ tasks: TASKS, preds }, p.weights) };
    },
  };
}
export type HeavyRanker = ReturnType<typeof heavyRanker>;
