// `npm run eval -- --ranker-oracle`: the trained ranker against the generator's ground truth. Scores
// the ranker's held-out rows (written by train-ranker as test-predictions.ndjson.gz) with the oracle —
// the generator's own expected outcomes from the true latents — and compares per-task AUC on the same
// rows. The oracle is an upper bound a ranker can approach but, short of the latents, not reach.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { auc } from '../../models/metrics/classification.js';
import { readNdjson } from '../../functions/io/ndjson.js';
import { buildDir, buildsDir } from '../../functions/io/staged-build.js';
import type { WorldFiles } from '../../functions/io/world-files.js';
import { loadTruth, oracleScore } from '../world/truth-reader.js';
import { TEST_PREDICTIONS_FILE } from '../../functions/ranker/test-predictions.js';

type Row = { user_id: string; video_id: string; ts: number; position: number; labels: Record<string, number>; preds: Record<string, number> };

export function latestRankerBuild(files: WorldFiles): string | null {
  if (!existsSync(buildsDir(files))) return null;
  return readdirSync(buildsDir(files)).sort().reverse().find((v) => existsSync(join(buildDir(files, v), TEST_PREDICTIONS_FILE))) ?? null;
}

export async function rankerVsOracle(files: WorldFiles, version: string) {
  if (!existsSync(files.truthDir)) throw new Error(`${files.truthDir} not found: the oracle needs a generated world`);
  const truth = await loadTruth(files.dir);
  const cols = { click: { m: [] as number[], o: [] as number[], y: [] as number[] }, like: { m: [] as number[], o: [] as number[], y: [] as number[] }, finish: { m: [] as number[], o: [] as number[], y: [] as number[] }, dislike: { m: [] as number[], o: [] as number[], y: [] as number[] } };
  let missing = 0;
  for await (const r of readNdjson<Row>(join(buildDir(files, version), TEST_PREDICTIONS_FILE))) {
    const o = oracleScore(truth, r.user_id, r.video_id, r.ts, r.position);
    if (!o) {
      missing++;
      continue;
    }
    const add = (task: keyof typeof cols, oracle: number) => (cols[task].m.push(r.preds[task]!), cols[task].o.push(oracle), cols[task].y.push(r.labels[task]!));
    add('click', o.view);
    if (r.labels.click! > 0.5) add('like', o.likeGivenView), add('finish', o.fullGivenView), add('dislike', o.dislikeGivenView);
  }
  const tasks = Object.fromEntries(Object.entries(cols).map(([t, c]) => [t, { rows: c.y.length, ranker_auc: auc(c.m, c.y), oracle_auc: auc(c.o, c.y) }]));
  return { version, rows_without_truth: missing, tasks };
}
