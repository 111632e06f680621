// Ablations in one run, on the same rows and seed: the MMoE against a shared-bottom model (one expert,
// so every gate is 1) and one model per task (each trained on its own loss alone).
import { TASKS } from '../../models/candidates.js';
import type { MmoeConfig, Task } from '../../models/ranker/mmoe-weights.js';
import { createTrainer } from '../../models/train/trainer.js';
import { DEFAULT_LOSS } from '../../models/train/losses.js';
import type { RankerDataset } from './dataset.js';
import { evaluate, toPredictions, type TaskPredictions } from './evaluate.js';
import { rankerConfig, type ModelRows } from './prepare.js';
import { combinedScore, requestNdcg } from './request-ndcg.js';

export type TrainSettings = { epochs: number; workers: number; batchSize: number; seed: number };
export type AblationRow = { model: string; click_auc: number; like_auc: number; finish_auc: number; dislike_auc: number; watch_r2: number; ndcg20: number; seconds: number };

export async function trainAndPredict(config: MmoeConfig, train: ModelRows, test: ModelRows, s: TrainSettings, lossWeights = DEFAULT_LOSS.weights) {
  const trainer = await createTrainer(
    { config, backend: 'wasm', workers: s.workers, batchSize: s.batchSize, seed: s.seed, loss: { ...DEFAULT_LOSS, weights: lossWeights } },
    train,
  );
  try {
    for (let e = 0; e < s.epochs; e++) await trainer.epoch();
    return toPredictions(trainer.predict(test));
  } finally {
    await trainer.close();
  }
}

export function ablationRow(model: string, p: TaskPredictions, test: ModelRows, testData: RankerDataset, seconds: number): AblationRow {
  const r = evaluate(p, test.labels);
  return {
    model,
    click_auc: r.click.auc,
    like_auc: r.like.auc,
    finish_auc: r.finish.auc,
    dislike_auc: r.dislike.auc,
    watch_r2: r.watch.r2,
    ndcg20: requestNdcg(testData, (i) => combinedScore(p, i)).ndcg,
    seconds,
  };
}

export async function runAblations(train: ModelRows, test: ModelRows, testData: RankerDataset, s: TrainSettings, log: (l: string) => void): Promise<AblationRow[]> {
  const rows: AblationRow[] = [];
  const timed = async (name: string, run: () => Promise<TaskPredictions>) => {
    const t0 = performance.now();
    const p = await run();
    rows.push(ablationRow(name, p, test, testData, (performance.now() - t0) / 1000));
    log(`  ablation ${name}: click AUC ${rows.at(-1)!.click_auc.toFixed(4)}, NDCG@20 ${rows.at(-1)!.ndcg20.toFixed(4)}`);
  };
  await timed('shared-bottom', () => trainAndPredict(rankerConfig({ numExperts: 1 }), train, test, s));
  await timed('one model per task', async () => {
    const heads = {} as TaskPredictions;
    for (const task of TASKS) {
      const only = Object.fromEntries(TASKS.map((t) => [t, t === task ? 1 : 0])) as Record<Task, number>;
      heads[task] = (await trainAndPredict(rankerConfig(), train, test, s, only))[task];
    }
    return heads;
  });
  return rows;
}
