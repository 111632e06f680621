// The heavy ranker as a build stages it (train-ranker job): ONNX bytes, normalisation stats and the
// per-task calibrators. The rebuild scores candidates with the newest one and ships it alongside.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalibrator, type Calibrator } from '../../models/calibration/calibrator.js';
import { loadNormStats, type NormStats } from '../../models/features/normalise.js';
import type { Task } from '../../models/ranker/mmoe-weights.js';
import { buildDir, buildsDir } from '../io/staged-build.js';
import type { WorldFiles } from '../io/world-files.js';
import { RANKER_WEIGHTS_FILE } from './weights-file.js';

export const RANKER_FILES = {
  ranker_onnx: { file: 'ranker.onnx', content_type: 'application/octet-stream' },
  ranker_norm: { file: 'ranker-norm.json', content_type: 'application/json' },
  ranker_calibration: { file: 'ranker-calibration.json', content_type: 'application/json' },
  light_ranker_onnx: { file: 'light-ranker.onnx', content_type: 'application/octet-stream' },
} as const;

export type StagedRanker = { version: string; onnx: Uint8Array; weights?: Uint8Array; norm: NormStats; calibrators: Partial<Record<Task, Calibrator>> };

/** Newest staged build holding a complete ranker, or null (the rebuild then orders by retrieval). */
export function latestRankerVersion(files: WorldFiles): string | null {
  if (!existsSync(buildsDir(files))) return null;
  const versions = readdirSync(buildsDir(files)).sort().reverse();
  return versions.find((v) => Object.values(RANKER_FILES).every((f) => existsSync(join(buildDir(files, v), f.file)))) ?? null;
}

export function loadStagedRanker(files: WorldFiles, version: string): StagedRanker {
  const dir = buildDir(files, version);
  const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
  const cal = json(RANKER_FILES.ranker_calibration.file) as { tasks: Record<string, unknown> };
  return {
    version,
    onnx: new Uint8Array(readFileSync(join(dir, RANKER_FILES.ranker_onnx.file))),
    ...(existsSync(join(dir, RANKER_WEIGHTS_FILE)) && { weights: new Uint8Array(readFileSync(join(dir, RANKER_WEIGHTS_FILE))) }),
    // Refuses stats of another feature spec: scoring with them would be silent skew.
    norm: loadNormStats(json(RANKER_FILES.ranker_norm.file)),
    calibrators: Object.fromEntries(Object.entries(cal.tasks).map(([t, c]) => [t, loadCalibrator(c)])),
  };
}

/** Copies the ranker files into a new build so the lists ship with the model that scored them. */
export function copyRankerFiles(files: WorldFiles, from: string, toDir: string) {
  const source = buildDir(files, from);
  if (source !== toDir) {
    for (const f of Object.values(RANKER_FILES)) copyFileSync(join(source, f.file), join(toDir, f.file));
    if (existsSync(join(source, RANKER_WEIGHTS_FILE))) copyFileSync(join(source, RANKER_WEIGHTS_FILE), join(toDir, RANKER_WEIGHTS_FILE));
  }
  return Object.fromEntries(Object.entries(RANKER_FILES).map(([k, f]) => [k, { ...f }]));
}
