// The one place the evaluation runs the central jobs: on the train view it trains the heavy ranker
// (unless told not to) and runs a full rebuild, which stages candidates.ndjson.gz (key = user) and
// trending.ndjson.gz (key = region or 'global'); nothing is published. The ranker's own held-out
// report (per-task AUC, log loss, calibration) comes back with the lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rebuild } from '../../functions/jobs/rebuild.js';
import { trainRanker } from '../../functions/jobs/train-ranker.js';
import { buildDir } from '../../functions/io/staged-build.js';
import type { WorldFiles } from '../../functions/io/world-files.js';
import type { RebuildConfig } from '../../functions/config.js';

export type StageListsOptions = { files: WorldFiles; config: RebuildConfig; stateDir: string; ranker?: boolean; log?: (l: string) => void };
/** Held-out figures per task, as train-ranker reports them (classification heads and the watch regression). */
export type RankerTaskReport = { rows: number; positives?: number; auc?: number; logloss?: number; ece?: number; ece_calibrated?: number; rmse?: number; r2?: number };
export type RankerReport = { version: string; test: Record<string, RankerTaskReport>; test_ndcg20_per_request?: number };
export type StagedLists = { version: string; dir: string; build: Record<string, unknown>; ranker: RankerReport | null };

export async function stageLists(o: StageListsOptions): Promise<StagedLists> {
  let ranker: RankerReport | null = null;
  if (o.ranker !== false) {
    const info = await trainRanker({ files: o.files, epochs: 3, workers: 2, batchSize: 1024, seed: 7, calibration: 'platt', log: o.log });
    const full = JSON.parse(readFileSync(join(buildDir(o.files, info.version), 'ranker-report.json'), 'utf8')) as Omit<RankerReport, 'version'>;
    ranker = { version: info.version, test: full.test, ...(full.test_ndcg20_per_request !== undefined && { test_ndcg20_per_request: full.test_ndcg20_per_request }) };
  }
  const r = await rebuild({ ...o, full: true, publish: false });
  return { version: r.version, dir: r.dir, build: r.build, ranker };
}
