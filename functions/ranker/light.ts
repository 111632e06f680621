// Trains the edge light ranker on rows the replay captured (heavy preds at the serving position +
// the light context at impression time + click labels), exports it to ONNX and checks the bytes in
// onnxruntime-web against the TS forward pass. The lead's train-ranker job calls `trainLightRanker`.
import { TASKS } from '../../models/candidates.js';
import { exportLight } from '../../models/light-ranker/export-onnx.js';
import { lightForward } from '../../models/light-ranker/forward.js';
import { LightRankerError } from '../../models/light-ranker/errors.js';
import { CONTEXT_DIM, LIGHT_COLUMNS, LIGHT_DIM, LIGHT_LAYOUT_VERSION, lightInputsFromContext } from '../../models/light-ranker/layout.js';
import { DEFAULT_LIGHT_HIDDEN, type LightWeights } from '../../models/light-ranker/weights.js';
import { auc, logLoss } from '../../models/metrics/classification.js';
import { createOrtSession, floatTensor, runFloat } from '../../models/ranker/ort-node.js';
import { DEFAULT_RANKING_WEIGHTS, score, type RankingWeights } from '../../models/ranker/score.js';
import type { Task } from '../../models/ranker/mmoe-weights.js';
import { fitLight } from './light-fit.js';

export type LightRows = {
  /** n × TASKS.length heavy predictions (probabilities; watch as E[log(1+s)]), scored at the serving position. */
  preds: Float32Array;
  /** n × CONTEXT_DIM, RankerDataset.light (captured by the replay). */
  context: Float32Array;
  /** n click labels in {0,1}. */
  clicks: Float32Array;
};

export type TrainLightOptions = {
  train: LightRows;
  test: LightRows;
  seed: number;
  /** Hidden widths; [] is logistic regression. Default [16]. */
  hidden?: number[];
  epochs?: number;
  batchSize?: number;
  lr?: number;
  /** How the heavy score stored in KV is computed from the preds (the candidates job's weights). */
  rankingWeights?: RankingWeights;
  modelVersion?: string;
};

export type LightReport = {
  layout_version: string;
  columns: readonly string[];
  hidden: number[];
  rows: { train: number; test: number; test_positives: number };
  test_auc_click: number;
  test_logloss_click: number;
  /** The heavy model's own click prediction on the same test rows: the baseline to beat. */
  heavy_only_auc_click: number;
  heavy_only_logloss_click: number;
  /** The heavy ranking score (weighted sum of heads) as a click ranker. */
  heavy_score_auc_click: number;
  train_loss_last_epoch: number;
  onnx_parity_max_abs: number;
  train_seconds: number;
};

/** ONNX and the TS forward pass must agree this closely, or nothing is returned. */
export const LIGHT_PARITY_MAX_ABS = 1e-5;

/** Column-wise heavy predictions (as evaluate.ts's toPredictions returns) → row-major [n × TASKS]. */
export function heavyPredsMatrix(p: Record<Task, Float32Array>): Float32Array {
  const n = p.click.length, T = TASKS.length;
  const out = new Float32Array(n * T);
  TASKS.forEach((t, k) => p[t].forEach((v, i) => (out[i * T + k] = v)));
  return out;
}

/** The light model's inputs for captured rows, through the same lightInputs code the edge runs. */
export function lightMatrix(rows: LightRows, weights: RankingWeights = DEFAULT_RANKING_WEIGHTS): { x: Float32Array; n: number; heavyScore: Float64Array } {
  const T = TASKS.length, n = rows.clicks.length;
  if (rows.preds.length !== n * T || rows.context.length !== n * CONTEXT_DIM) {
    throw new LightRankerError(`light rows disagree: ${n} clicks, ${rows.preds.length / T} pred rows, ${rows.context.length / CONTEXT_DIM} context rows`);
  }
  const heavyScore = score({ tasks: TASKS, preds: rows.preds }, weights);
  const x = new Float32Array(n * LIGHT_DIM);
  for (let i = 0; i < n; i++) {
    lightInputsFromContext(rows.preds.subarray(i * T, (i + 1) * T), heavyScore[i]!, rows.context.subarray(i * CONTEXT_DIM, (i + 1) * CONTEXT_DIM), x, i * LIGHT_DIM);
  }
  return { x, n, heavyScore };
}

/** Max |ONNX − TS| over the given rows, run in real onnxruntime-web. */
export async function lightOnnxParity(onnx: Uint8Array, weights: LightWeights, x: Float32Array, n: number): Promise<number> {
  const session = await createOrtSession(onnx);
  try {
    const { score: out } = await runFloat(session, { x: floatTensor(x, [n, LIGHT_DIM]) });
    const ref = lightForward(weights, x, n);
    return ref.reduce((m, v, i) => Math.max(m, Math.abs(v - out![i]!)), 0);
  } finally {
    await session.release();
  }
}

export async function trainLightRanker(o: TrainLightOptions): Promise<{ weights: LightWeights; onnx: Uint8Array; report: LightReport }> {
  const hidden = o.hidden ?? DEFAULT_LIGHT_HIDDEN;
  const train = lightMatrix(o.train, o.rankingWeights);
  const test = lightMatrix(o.test, o.rankingWeights);
  if (train.n === 0 || test.n === 0) throw new LightRankerError(`light ranker needs train and test rows (got ${train.n}, ${test.n})`);
  const t0 = performance.now();
  const fit = fitLight(train.x, o.train.clicks, train.n, { hidden, epochs: o.epochs ?? 4, batchSize: o.batchSize ?? 128, lr: o.lr ?? 1e-2, seed: o.seed });
  const trainSeconds = (performance.now() - t0) / 1000;
  const onnx = exportLight(fit.weights, { modelVersion: o.modelVersion ?? '' });
  const parity = await lightOnnxParity(onnx, fit.weights, test.x, test.n);
  if (!(parity <= LIGHT_PARITY_MAX_ABS)) throw new LightRankerError(`light ONNX differs from the TS forward pass by ${parity} (> ${LIGHT_PARITY_MAX_ABS})`);

  const p = lightForward(fit.weights, test.x, test.n);
  const heavyClick = Float32Array.from({ length: test.n }, (_, i) => o.test.preds[i * TASKS.length]!);
  const report: LightReport = {
    layout_version: LIGHT_LAYOUT_VERSION,
    columns: LIGHT_COLUMNS,
    hidden,
    rows: { train: train.n, test: test.n, test_positives: o.test.clicks.reduce((s, v) => s + v, 0) },
    test_auc_click: auc(p, o.test.clicks),
    test_logloss_click: logLoss(p, o.test.clicks),
    heavy_only_auc_click: auc(heavyClick, o.test.clicks),
    heavy_only_logloss_click: logLoss(heavyClick, o.test.clicks),
    heavy_score_auc_click: auc(test.heavyScore, o.test.clicks),
    train_loss_last_epoch: fit.lastEpochLoss,
    onnx_parity_max_abs: parity,
    train_seconds: trainSeconds,
  };
  return { weights: fit.weights, onnx, report };
}
