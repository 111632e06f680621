// What the rebuild's jobs share: the world, the settings, the build folder they stage into, the
// parent build an incremental run layers over, and the one replay of the log (memoised, so `npm run
// rebuild` reads the log once while each job run alone still works from scratch).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RebuildConfig } from '../config.js';
import { buildDir, buildsDir, newVersion, readBuildInfo, type BuildInfo } from '../io/staged-build.js';
import type { WorldFiles } from '../io/world-files.js';
import { replayPass, type ReplayPass } from './replay-pass.js';
import { timed, type StageTiming } from './stage-timer.js';

export const REBUILD_JOB = 'rebuild';
export const SUMMARY_FILE = 'summary.json';

export type ParentBuild = { version: string; dir: string; info: BuildInfo; logEndMs: number; depth: number };

export class BuildContext {
  readonly timings: StageTiming[] = [];
  /** Figures each job adds to build.json's `build` section. */
  readonly summary: Record<string, string | number | boolean> = {};
  private replay: Promise<ReplayPass> | null = null;

  constructor(
    readonly files: WorldFiles,
    readonly config: RebuildConfig,
    readonly version: string,
    /** null: a full run. */
    readonly parent: ParentBuild | null,
    readonly log: (l: string) => void,
  ) {
    mkdirSync(this.dir, { recursive: true });
  }

  get dir() {
    return buildDir(this.files, this.version);
  }
  get incremental() {
    return this.parent !== null;
  }
  path(file: string) {
    return join(this.dir, file);
  }

  pass(): Promise<ReplayPass> {
    this.replay ??= timed('replay', this.timings, () => replayPass(this.files, this.config, this.log));
    return this.replay;
  }

  /** Runs one job's work, timed; its figures are saved beside the build so a later seal finds them. */
  async stage<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.log(`[${name}]`);
    const out = await timed(name, this.timings, fn);
    const saved = this.savedSummary();
    for (const t of this.timings) Object.assign(saved, { [`stage_${t.stage}_seconds`]: t.seconds, [`stage_${t.stage}_peak_rss_mb`]: t.peak_rss_mb });
    writeFileSync(this.path(SUMMARY_FILE), JSON.stringify({ ...saved, ...this.summary }, null, 2));
    return out;
  }

  /** What earlier jobs (maybe other processes) recorded for this build. */
  savedSummary(): Record<string, string | number | boolean> {
    return existsSync(this.path(SUMMARY_FILE)) ? JSON.parse(readFileSync(this.path(SUMMARY_FILE), 'utf8')) : {};
  }

  /** Users whose lists an incremental run recomputes: anyone with an event after the parent's log end. */
  changedUsers(pass: ReplayPass): Set<string> | null {
    if (!this.parent) return null;
    const since = this.parent.logEndMs;
    return new Set([...pass.agg.users].filter(([, p]) => p.lastTs > since).map(([id]) => id));
  }
}

/** The newest complete rebuild under data/build, with how many incremental layers it stacks. */
export function latestRebuild(files: WorldFiles): ParentBuild | null {
  if (!existsSync(buildsDir(files))) return null;
  for (const version of readdirSync(buildsDir(files)).sort().reverse()) {
    const info = readBuildInfo(files, version);
    if (!info || info.build.job !== REBUILD_JOB) continue;
    const logEndMs = Date.parse(String(info.build.log_end));
    if (!Number.isFinite(logEndMs)) continue;
    return { version, dir: buildDir(files, version), info, logEndMs, depth: Number(info.build.layer_depth ?? 0) };
  }
  return null;
}

/** A build folder for a job run on its own: the one named, else the newest unfinished one, else new. */
export function workVersion(files: WorldFiles, version?: string): string {
  if (version) return version;
  const unfinished = existsSync(buildsDir(files)) ? readdirSync(buildsDir(files)).sort().reverse().find((v) => !readBuildInfo(files, v)) : undefined;
  return unfinished ?? newVersion();
}
