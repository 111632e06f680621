// Seals a rebuild's folder: lists the whole-file artifacts it holds (for R2) and writes build.json
// with complete: true, the marker publish requires. Done last, so a killed rebuild is never published.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KV_LIST_ARTIFACTS, sealBuild, type BuildInfo } from '../io/staged-build.js';
import { RANKER_FILES } from '../ranker/staged-model.js';
import { CATALOGUE_FILE, CREATOR_STATS_FILE, VIDEO_STATS_FILE } from '../jobs/stats.js';
import { TWO_TOWER_FILE } from '../jobs/two-tower.js';
import { indexDir, ITEM_INDEXES, type IndexName } from '../jobs/index-shards.js';
import { JobError } from '../errors.js';
import { REBUILD_JOB, type BuildContext } from './context.js';

type FileSpec = { file: string; content_type: string };
const JSON_TYPE = 'application/json';
const BINARY = 'application/octet-stream';

const SINGLE_FILES: Record<string, FileSpec> = {
  video_stats: { file: VIDEO_STATS_FILE, content_type: 'application/gzip' },
  creator_stats: { file: CREATOR_STATS_FILE, content_type: 'application/gzip' },
  catalogue: { file: CATALOGUE_FILE, content_type: 'application/gzip' },
  two_tower: { file: TWO_TOWER_FILE, content_type: BINARY },
  ...RANKER_FILES,
};

/** Every publishable whole file present in `dir`, by artifact name. */
export function stagedR2Files(dir: string): Record<string, FileSpec> {
  const out: Record<string, FileSpec> = {};
  for (const [name, spec] of Object.entries(SINGLE_FILES)) if (existsSync(join(dir, spec.file))) out[name] = { ...spec };
  for (const name of Object.keys(ITEM_INDEXES) as IndexName[]) {
    const sub = indexDir(name);
    if (!existsSync(join(dir, sub))) continue;
    for (const f of readdirSync(join(dir, sub)).sort()) {
      const key = `index_${name}_${f.replace(/\.(usearch|json)$/, '').replace(/[^\w]/g, '_')}`;
      out[key] = { file: `${sub}/${f}`, content_type: f.endsWith('.json') ? JSON_TYPE : BINARY };
    }
  }
  return out;
}

export function sealRebuild(ctx: BuildContext): Promise<BuildInfo> {
  for (const need of [KV_LIST_ARTIFACTS.trending.file, KV_LIST_ARTIFACTS.candidates.file])
    if (!existsSync(ctx.path(need))) throw new JobError(`build ${ctx.version} has no ${need}: run the stats and candidates jobs first`);
  return sealBuild(ctx.dir, {
    version: ctx.version,
    created_at: new Date().toISOString(),
    build: { job: REBUILD_JOB, ...ctx.savedSummary(), layer_depth: ctx.parent ? ctx.parent.depth + 1 : 0 },
    files: stagedR2Files(ctx.dir),
    ...(ctx.parent && { layers_over: ctx.parent.version }),
  });
}
