// End to end on a small generated world: replay → train → calibrate → export → parity → stage → publish.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../scripts/world/generate-world.js';
import { rebuildConfig } from '../config.js';
import { openPlatformStore, type ArtifactStore } from '../io/artifact-store.js';
import { buildDir, type BuildInfo } from '../io/staged-build.js';
import { worldFiles, type WorldFiles } from '../io/world-files.js';
import { publish } from './publish.js';
import { trainRanker } from './train-ranker.js';

let files: WorldFiles;
let store: ArtifactStore;
let info: BuildInfo;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgefeed-ranker-'));
  await generateWorld({ users: 400, videos: 200, days: 5, seed: 3, out: dir, log: () => {} });
  files = worldFiles(dir);
  store = await openPlatformStore({ stateDir: mkdtempSync(join(tmpdir(), 'edgefeed-state-')) });
  info = await trainRanker({ files, epochs: 2, workers: 0, batchSize: 256, seed: 1, calibration: 'platt', version: 'r1', log: () => {} });
}, 120_000);
afterAll(() => store?.close());

describe('train-ranker', () => {
  it('learns from point-in-time rows: held-out click AUC well above chance, ONNX equal to the TS forward pass', () => {
    const report = JSON.parse(readFileSync(join(buildDir(files, 'r1'), 'ranker-report.json'), 'utf8'));
    expect(report.test.click.auc).toBeGreaterThan(0.7);
    expect(report.onnx_parity_max_abs).toBeLessThanOrEqual(1e-5);
    expect(report.test.click.ece_calibrated).toBeLessThan(report.test.click.ece + 0.01);
    // Post-click heads are judged on clicked rows only.
    expect(report.test.like.rows).toBe(report.test.click.positives);
    expect(report.rows.droppedOpenWindow).toBeGreaterThan(0);
    expect(report.light_ranker.onnx_parity_max_abs).toBeLessThanOrEqual(1e-5);
    expect(report.light_ranker.test_auc_click).toBeGreaterThan(0.6);
  });

  it('stages the model, stats and calibration, and publishes them as sha256-checked R2 artifacts', async () => {
    for (const f of Object.values(info.files ?? {})) expect(existsSync(join(buildDir(files, 'r1'), f.file))).toBe(true);
    const m = await publish({ files, config: rebuildConfig, version: 'r1', store });
    expect(Object.keys(m.artifacts).sort()).toEqual(['light_ranker_onnx', 'ranker_calibration', 'ranker_norm', 'ranker_onnx', 'ranker_report']);
    expect(m.artifacts.ranker_onnx).toMatchObject({ store: 'r2', key: 'models/r1/ranker.onnx' });
    expect(m.build.feature_spec_version).toMatch(/^fs-/);
    expect((await store.r2Get('models/r1/ranker.onnx'))!.length).toBe(m.artifacts.ranker_onnx!.bytes);
  });
});
