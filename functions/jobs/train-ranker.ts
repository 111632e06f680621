// Job: replay the log into point-in-time rows, train the MMoE ranker (time split), calibrate, export to
// ONNX, check ONNX against the TypeScript forward pass, and stage it all for publishing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_SPEC_VERSION } from '../../models/features/spec.js';
import { exportMmoe } from '../../models/ranker/export-onnx.js';
import { mmoeForward } from '../../models/ranker/forward.js';
import { createOrtSession, runMmoe } from '../../models/ranker/ort-node.js';
import { createTrainer } from '../../models/train/trainer.js';
import { JobError } from '../errors.js';
import { buildDir, newVersion, sealBuild, type BuildInfo } from '../io/staged-build.js';
import type { WorldFiles } from '../io/world-files.js';
import { timeSplit } from '../ranker/dataset.js';
import { evaluate, fitCalibrators, toPredictions, type TaskPredictions } from '../ranker/evaluate.js';
import { fitStats, modelRows, rankerConfig } from '../ranker/prepare.js';
import { replayRows } from '../ranker/replay.js';
import { ablationRow, runAblations } from '../ranker/ablations.js';
import { heavyPredsMatrix, trainLightRanker } from '../ranker/light.js';
import type { RankerDataset } from '../ranker/dataset.js';
import { TASKS } from '../../models/candidates.js';
import { ndjsonWriter } from '../io/ndjson.js';
import { TEST_PREDICTIONS_FILE } from '../ranker/test-predictions.js';
import { encodeMmoeWeights, RANKER_WEIGHTS_FILE } from '../ranker/weights-file.js';

export type TrainRankerOptions = {
  files: WorldFiles;
  epochs: number;
  workers: number;
  batchSize: number;
  seed: number;
  calibration: 'platt' | 'isotonic';
  /** Also train shared-bottom and one-model-per-task on the same rows (≈ 6× the training time). */
  ablations?: boolean;
  version?: string;
  log?: (l: string) => void;
};

/** ONNX and the TypeScript forward pass must agree this closely, or the build fails. */
const PARITY_MAX_ABS = 1e-5;

export async function trainRanker(o: TrainRankerOptions): Promise<BuildInfo> {
  const log = o.log ?? console.log;
  const t0 = performance.now();
  const { data, stats, invalidEvents } = await replayRows(o.files, log);
  const split = timeSplit(data);
  log(`  rows: ${data.n.toLocaleString('en')} (train ${split.train.n}, calibration ${split.calibration.n}, test ${split.test.n}); dropped ${stats.droppedOpenWindow} with open label windows`);
  if (split.train.n < o.batchSize || split.test.n === 0) throw new JobError(`too few impressions to train (${data.n}): generate or import a bigger world`);
  const norm = fitStats(split.train);
  const config = rankerConfig();
  const trainRows = modelRows(split.train, norm);
  const trainer = await createTrainer({ config, backend: 'wasm', workers: o.workers, batchSize: o.batchSize, seed: o.seed }, trainRows);
  const test = modelRows(split.test, norm);
  const tTrain = performance.now();
  try {
    for (let e = 1; e <= o.epochs; e++) {
      const loss = await trainer.epoch();
      const clickAuc = evaluate(toPredictions(trainer.predict(test)), test.labels).click.auc;
      log(`  epoch ${e}/${o.epochs}: loss ${loss.toFixed(4)} · test click AUC ${clickAuc.toFixed(4)}`);
    }
    const trainSeconds = (performance.now() - tTrain) / 1000;
    const calib = modelRows(split.calibration, norm);
    const calibrators = fitCalibrators(toPredictions(trainer.predict(calib)), calib.labels, o.calibration);
    const testPreds = toPredictions(trainer.predict(test));
    const report = evaluate(testPreds, test.labels, calibrators);
    const settings = { epochs: o.epochs, workers: o.workers, batchSize: o.batchSize, seed: o.seed };
    const models = [ablationRow('MMoE', testPreds, test, split.test, trainSeconds)];
    if (o.ablations) models.push(...(await runAblations(trainRows, test, split.test, settings, log)));
    // Position bias: the same test rows scored as the edge scores them, every one at the serving position.
    const atServing = evaluate(toPredictions(trainer.predict(modelRows(split.test, norm, 'serving'))), test.labels);
    const version = o.version ?? newVersion();
    // Light ranker: fitted on the calibration slice, where the heavy predictions are out of sample.
    const clicks = (d: RankerDataset) => Float32Array.from({ length: d.n }, (_, i) => d.labels[i * TASKS.length]!);
    const lightRows = (d: RankerDataset) => ({
      preds: heavyPredsMatrix(toPredictions(trainer.predict(modelRows(d, norm, 'serving')))),
      context: d.light!,
      clicks: clicks(d),
    });
    const light = await trainLightRanker({ train: lightRows(split.calibration), test: lightRows(split.test), seed: o.seed, modelVersion: version });
    log(`  light ranker: test click AUC ${light.report.test_auc_click.toFixed(4)} (heavy click prediction alone ${light.report.heavy_only_auc_click.toFixed(4)})`);
    const weights = trainer.weights();
    const onnx = exportMmoe(weights, { featureSpecVersion: FEATURE_SPEC_VERSION, modelVersion: version });
    const parity = await onnxParity(onnx, weights, test);
    if (parity > PARITY_MAX_ABS) throw new JobError(`ONNX export differs from the TS forward pass by ${parity} (> ${PARITY_MAX_ABS}); nothing staged`);

    const dir = buildDir(o.files, version);
    mkdirSync(dir, { recursive: true });
    const full = {
      feature_spec_version: FEATURE_SPEC_VERSION,
      config,
      rows: { train: split.train.n, calibration: split.calibration.n, test: split.test.n, ...stats },
      test: report,
      test_ndcg20_per_request: models[0]!.ndcg20,
      light_ranker: light.report,
      models,
      test_at_serving_position: atServing,
      calibration: o.calibration,
      onnx_parity_max_abs: parity,
      train_seconds: trainSeconds,
      samples_per_second: Math.round((o.epochs * split.train.n) / trainSeconds),
    };
    writeFileSync(join(dir, 'ranker.onnx'), onnx);
    // The same weights for central scoring on the training core's kernels (not published).
    writeFileSync(join(dir, RANKER_WEIGHTS_FILE), encodeMmoeWeights(weights));
    writeFileSync(join(dir, 'light-ranker.onnx'), light.onnx);
    await writeTestPredictions(join(dir, TEST_PREDICTIONS_FILE), split.test, testPreds);
    writeFileSync(join(dir, 'ranker-norm.json'), JSON.stringify(norm));
    writeFileSync(join(dir, 'ranker-calibration.json'), JSON.stringify({ kind: o.calibration, tasks: calibrators }));
    writeFileSync(join(dir, 'ranker-report.json'), JSON.stringify(full, null, 2));
    return await sealBuild(dir, {
      version,
      created_at: new Date().toISOString(),
      build: {
        job: 'train-ranker',
        feature_spec_version: FEATURE_SPEC_VERSION,
        rows: data.n,
        invalid_events: invalidEvents,
        click_auc: round(report.click.auc),
        like_auc: round(report.like.auc),
        finish_auc: round(report.finish.auc),
        dislike_auc: round(report.dislike.auc),
        ndcg20: round(models[0]!.ndcg20),
        seconds: round((performance.now() - t0) / 1000),
      },
      files: {
        ranker_onnx: { file: 'ranker.onnx', content_type: 'application/octet-stream' },
        ranker_norm: { file: 'ranker-norm.json', content_type: 'application/json' },
        ranker_calibration: { file: 'ranker-calibration.json', content_type: 'application/json' },
        ranker_report: { file: 'ranker-report.json', content_type: 'application/json' },
        light_ranker_onnx: { file: 'light-ranker.onnx', content_type: 'application/octet-stream' },
      },
    });

  } finally {
    await trainer.close();
  }
}

/** Held-out rows with their predictions, kept beside the build (not published) for the oracle report. */
async function writeTestPredictions(path: string, d: RankerDataset, p: TaskPredictions) {
  const w = ndjsonWriter(path);
  for (let i = 0; i < d.n; i++) {
    const labels = Object.fromEntries(TASKS.map((t, k) => [t, d.labels[i * TASKS.length + k]]));
    const preds = Object.fromEntries(TASKS.map((t) => [t, p[t][i]]));
    await w.write({ user_id: d.users[i], video_id: d.videos[i], ts: d.ts[i], position: d.position[i], labels, preds });
  }
  await w.close();
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

async function onnxParity(onnx: Uint8Array, weights: Parameters<typeof mmoeForward>[0], rows: { n: number; dense: Float32Array; ids: Int32Array }) {
  const batch = Math.min(256, rows.n);
  const input = { dense: rows.dense.slice(0, batch * weights.config.denseDim), ids: rows.ids.slice(0, batch * weights.config.embeddings.length) };
  const ts = mmoeForward(weights, input).preds;
  const { preds } = await runMmoe(await createOrtSession(onnx), { ...input, batch });
  return preds.reduce((m, v, i) => Math.max(m, Math.abs(v - ts[i]!)), 0);
}
