// The one place the evaluation runs the central jobs: on the train view it trains the heavy ranker
// (unless told not to) and runs a full rebuild, which stages candidates.ndjson.gz (key = user) and
// trending.ndjson.gz (key = region or 'global'); nothing is published.
import { rebuild } from '../../functions/jobs/rebuild.js';
import { trainRanker } from '../../functions/jobs/train-ranker.js';
import type { WorldFiles } from '../../functions/io/world-files.js';
import type { RebuildConfig } from '../../functions/config.js';

export type StageListsOptions = { files: WorldFiles; config: RebuildConfig; stateDir: string; ranker?: boolean; log?: (l: string) => void };
export type StagedLists = { version: string; dir: string; build: Record<string, unknown> };

export async function stageLists(o: StageListsOptions): Promise<StagedLists> {
  if (o.ranker !== false) await trainRanker({ files: o.files, epochs: 3, workers: 2, batchSize: 1024, seed: 7, calibration: 'platt', log: o.log });
  const r = await rebuild({ ...o, full: true, publish: false });
  return { version: r.version, dir: r.dir, build: r.build };
}
