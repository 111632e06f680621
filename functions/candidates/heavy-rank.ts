// Scores users' merged candidates with the heavy (MMoE) ranker, from the point-in-time feature state
// at the end of the log, through the same feature rows, normalisation and position input the model was
// trained with, then calibrates and combines the heads into one ranking score. Building rows and
// running the model are separate steps so a job can overlap them (the model on another thread).
import { TASKS } from '../../models/candidates.js';
import { calibrate, type Calibrator } from '../../models/calibration/calibrator.js';
import { featureConfig } from '../../models/features/config.js';
import { normalise, type NormStats } from '../../models/features/normalise.js';
import { idRow, userDenseRows } from '../../models/features/row.js';
import { DENSE_DIM, ID_SLOT_COUNT } from '../../models/features/spec.js';
import type { FeatureState } from '../../models/features/state.js';
import type { Task } from '../../models/ranker/mmoe-weights.js';
import { score, type RankingWeights } from '../../models/ranker/score.js';
import type { Video } from '../../models/schemas.js';
import { MODEL_DENSE_DIM, MODEL_SLOTS, positionInput } from '../ranker/prepare.js';

export type ModelInput = { dense: Float32Array; ids: Int32Array; batch: number };
export type MmoeRunner = (input: ModelInput) => Promise<{ preds: Float32Array }>;
export type HeavyRankerParts = { run: MmoeRunner; norm: NormStats; calibrators: Partial<Record<Task, Calibrator>>; weights?: RankingWeights };
export type HeavyScores = { preds: Float32Array; scores: Float64Array };
/** Feature rows of several users' candidates, one block per user in order. */
export type RowBlock = { userId: string; videos: Video[] };

export function heavyRanker(p: HeavyRankerParts) {
  const idBuf = new Int32Array(ID_SLOT_COUNT);
  const pos = positionInput(featureConfig.servingPosition);

  /** Model input for every (user, video) of the blocks, rows in block order. */
  function rows(state: FeatureState, blocks: RowBlock[], nowMs: number): ModelInput {
    const n = blocks.reduce((s, b) => s + b.videos.length, 0);
    const dense = new Float32Array(n * MODEL_DENSE_DIM);
    const ids = new Int32Array(n * MODEL_SLOTS.length);
    let i = 0;
    for (const { userId, videos } of blocks) {
      const inputs = state.inputsForUser(userId, nowMs, featureConfig.servingPosition);
      userDenseRows(
        videos.length,
        (k) => {
          const x = inputs(videos[k]!);
          const all = idRow(x, idBuf);
          MODEL_SLOTS.forEach((s, slot) => (ids[(i + k) * MODEL_SLOTS.length + slot] = all[s.column]!));
          return x;
        },
        (raw, k) => {
          const at = i + k;
          normalise(raw, p.norm, dense.subarray(at * MODEL_DENSE_DIM, at * MODEL_DENSE_DIM + DENSE_DIM));
          dense[at * MODEL_DENSE_DIM + DENSE_DIM] = pos;
        },
      );
      i += videos.length;
    }
    return { dense, ids, batch: n };
  }

  /** Calibrated predictions (in place) and the ranking score of each row. */
  function finish(preds: Float32Array): HeavyScores {
    const n = preds.length / TASKS.length;
    TASKS.forEach((t, k) => {
      const c = p.calibrators[t];
      if (c) for (let i = 0; i < n; i++) preds[i * TASKS.length + k] = calibrate(c, preds[i * TASKS.length + k]!);
    });
    return { preds, scores: score({ tasks: TASKS, preds }, p.weights) };
  }

  /** Model output for rows built by `rows` (empty input: no call). */
  const run = (input: ModelInput) => (input.batch === 0 ? Promise.resolve({ preds: new Float32Array(0) }) : p.run(input));

  return {
    name: 'HeavyRanker',
    rows,
    finish,
    run,
    async score(state: FeatureState, userId: string, videos: Video[], nowMs: number): Promise<HeavyScores> {
      return finish((await run(rows(state, [{ userId, videos }], nowMs))).preds);
    },
  };
}
export type HeavyRanker = ReturnType<typeof heavyRanker>;
