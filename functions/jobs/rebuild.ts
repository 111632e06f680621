// `npm run rebuild`: every central job in order — stats, embeddings, two-tower, index shards,
// candidates — staged into one new build folder, sealed, then published. Incremental by default:
// the embeddings fold in, the two-tower model is reused, and lists are recomputed only for users with
// events since the last rebuild; `--full` (or too many stacked layers) recomputes everything.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../models/schemas.js';
import type { RebuildConfig } from '../config.js';
import { newVersion } from '../io/staged-build.js';
import { eventLogDays, type WorldFiles } from '../io/world-files.js';
import { BuildContext, latestRebuild, type ParentBuild } from '../rebuild/context.js';
import { sealRebuild } from '../rebuild/seal.js';
import type { StageTiming } from '../rebuild/stage-timer.js';
import { candidatesJob } from './candidates.js';
import { ALS_ITEMS_FILE } from './embeddings.js';
import { embeddingsJob } from './embeddings.js';
import { indexShardsJob } from './index-shards.js';
import { publish } from './publish.js';
import { openEventLogSource, pullEventLog } from '../io/event-log-pull.js';
import { statsJob } from './stats.js';
import { TWO_TOWER_FILE, twoTowerJob } from './two-tower.js';

export type RebuildOptions = { files: WorldFiles; config: RebuildConfig; full?: boolean; publish?: boolean; stateDir?: string; log?: (l: string) => void };
export type RebuildResult = { version: string; dir: string; build: Record<string, unknown>; timings: StageTiming[]; manifest: Manifest | null; skipped?: string };

/** The rebuild's jobs by command-line name, in the order a rebuild runs them. */
export const REBUILD_JOBS = { stats: statsJob, embeddings: embeddingsJob, 'two-tower': twoTowerJob, 'index-shards': indexShardsJob, candidates: candidatesJob } as const;

export async function rebuild(o: RebuildOptions): Promise<RebuildResult> {
  const log = o.log ?? console.log;
  // A rebuild that publishes to the platform first takes in what the edge logged there since.
  if (o.publish !== false) await pullEdgeEvents(o, log);
  const parent = o.full ? null : incrementalParent(o, log);
  if (parent && !eventsSince(o.files, statSync(join(parent.dir, 'build.json')).mtimeMs)) {
    const skipped = `no event files changed since ${parent.version}: nothing to rebuild`;
    log(skipped);
    return { version: parent.version, dir: parent.dir, build: parent.info.build, timings: [], manifest: null, skipped };
  }
  log(`rebuild of ${o.files.dir}: ${parent ? `incremental over ${parent.version} (layer ${parent.depth + 1})` : 'full'}`);
  const ctx = new BuildContext(o.files, o.config, newVersion(), parent, log);
  for (const job of Object.values(REBUILD_JOBS)) await job(ctx);
  const info = await sealRebuild(ctx);
  log(`  staged ${ctx.version} in ${ctx.dir}`);
  const manifest = o.publish === false ? null : await ctx.stage('publish', () => publish({ files: o.files, config: o.config, version: ctx.version, stateDir: o.stateDir, log }));
  return { version: ctx.version, dir: ctx.dir, build: info.build, timings: ctx.timings, manifest };
}

/** The build an incremental run can layer over, or null (with the reason) when a full run is due. */
function incrementalParent(o: RebuildOptions, log: (l: string) => void): ParentBuild | null {
  const parent = latestRebuild(o.files);
  const why = !parent
    ? 'no earlier rebuild'
    : parent.depth + 1 >= o.config.maxLayers
      ? `${parent.version} already stacks ${parent.depth} layers (max ${o.config.maxLayers - 1})`
      : ![ALS_ITEMS_FILE, TWO_TOWER_FILE].every((f) => existsSync(join(parent.dir, f)))
        ? `${parent.version} lacks its embeddings`
        : null;
  if (why) log(`  full run: ${why}`);
  return why ? null : parent;
}

/** Whether any event file was written after `sinceMs` (a cheap check before replaying the log). */
const eventsSince = (files: WorldFiles, sinceMs: number) => eventLogDays(files).some((d) => d.parts.some((p) => statSync(p).mtimeMs > sinceMs));

/** Copies new parts of the edge's event log (R2 EVENT_LOG, written by POST /v1/events) into the world. */
async function pullEdgeEvents(o: RebuildOptions, log: (l: string) => void): Promise<void> {
  const source = await openEventLogSource({ stateDir: o.stateDir });
  try {
    const r = await pullEventLog(source, o.files);
    if (r.copied.length > 0) log(`pulled ${r.copied.length} new event-log parts from the edge (${r.skipped} already here)`);
  } finally {
    await source.close();
  }
}
