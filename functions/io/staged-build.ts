// A build is staged on disk before it is published: data/build/<version>/ holds every artifact as a
// file plus build.json. Publishing reads only this folder, so a killed build never reaches the edge.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JobError } from '../errors.js';
import { sha256OfFile } from './sha256.js';
import type { WorldFiles } from './world-files.js';

/**
 * Lists published to KV one entry per key (user, region), each line of the file one RankedList.
 * `layered`: an incremental build may hold only the changed entries and read through older versions.
 */
export const KV_LIST_ARTIFACTS = {
  candidates: { file: 'candidates.ndjson.gz', kvPrefix: (v: string) => `cand:${v}:`, layered: true },
  trending: { file: 'trending.ndjson.gz', kvPrefix: (v: string) => `trend:${v}:`, layered: false },
  /** "Up Next" per video. */
  related: { file: 'related.ndjson.gz', kvPrefix: (v: string) => `rel:${v}:`, layered: false },
  /** Fresh uploads, the exploration pool (key 'global'). */
  fresh: { file: 'fresh.ndjson.gz', kvPrefix: (v: string) => `fresh:${v}:`, layered: false },
  /** What viewers finish, per region (a newcomer's onboarding mix, with trending). */
  completion: { file: 'completion.ndjson.gz', kvPrefix: (v: string) => `compl:${v}:`, layered: false },
} as const;
export type KvListArtifact = keyof typeof KV_LIST_ARTIFACTS;

/** A file in the build folder, or in one sub-folder of it (index shards); never "..". */
const FileName = z.string().regex(/^\w[\w.-]*(\/\w[\w.-]*)?$/);
/** What sealBuild records of each staged file, so publishing can prove it sends the bytes that were built. */
const Sealed = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() });

export const BuildInfoSchema = z.object({
  version: z.string(),
  created_at: z.iso.datetime(),
  /** Set last, when every artifact file is complete: a folder without it is an interrupted build. */
  complete: z.literal(true),
  build: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /**
   * Set by an incremental build: the version whose lists this one layers over (its layered lists hold
   * only the entities that changed). Publishing refuses unless that version is the one being served.
   */
  layers_over: z.string().optional(),
  /** Whole-file artifacts (models, stats) published to R2 under models/<version>/<file>. */
  files: z.record(z.string(), z.object({ file: FileName, content_type: z.string(), ...Sealed.partial().shape })).default({}),
  /** The KV list files present when the build was sealed (see sealBuild), by artifact name. */
  lists: z.record(z.string(), z.object({ file: FileName, ...Sealed.shape })).optional(),
});
export type BuildInfo = z.input<typeof BuildInfoSchema>;
/** A build.json as parsed (defaults applied), what the publisher works from. */
export type StagedBuild = z.output<typeof BuildInfoSchema>;

export const buildsDir = (files: WorldFiles) => join(files.dir, 'build');
export const buildDir = (files: WorldFiles, version: string) => join(buildsDir(files), version);

export function newVersion(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${Math.floor(Math.random() * 0xffff).toString(16).padStart(4, '0')}`;
}

/** The newest complete staged build, or null. */
export function latestCompleteBuild(files: WorldFiles): string | null {
  const dir = buildsDir(files);
  if (!existsSync(dir)) return null;
  const complete = readdirSync(dir)
    .filter((v) => readBuildInfo(files, v) !== null)
    .sort();
  return complete.at(-1) ?? null;
}

export function readBuildInfo(files: WorldFiles, version: string): BuildInfo | null {
  const path = join(buildDir(files, version), 'build.json');
  if (!existsSync(path)) return null;
  const parsed = BuildInfoSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : null;
}

export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  return { sha256: await sha256OfFile(path), bytes: statSync(path).size };
}

/** Deletes all but the newest `keep` staged builds (never the one given as current). */
export function pruneBuilds(files: WorldFiles, keep: number, current: string | null): string[] {
  const dir = buildsDir(files);
  if (!existsSync(dir)) return [];
  const old = readdirSync(dir).sort().slice(0, -keep).filter((v) => v !== current);
  for (const v of old) rmSync(join(dir, v), { recursive: true, force: true });
  return old;
}

export type UnsealedBuildInfo = Omit<BuildInfo, 'complete' | 'lists'>;

/**
 * Records sha256 and size of every listed file and of each KV list file present in `dir`, then writes
 * build.json with `complete: true` (renamed into place, so a crash never leaves a half-written one).
 */
export async function sealBuild(dir: string, info: UnsealedBuildInfo): Promise<BuildInfo> {
  const files: NonNullable<BuildInfo['files']> = {};
  for (const [name, f] of Object.entries(info.files ?? {})) {
    const path = join(dir, f.file);
    if (!existsSync(path)) throw new JobError(`cannot seal build ${info.version}: ${f.file} (${name}) is not in ${dir}`);
    files[name] = { file: f.file, content_type: f.content_type, ...(await sha256File(path)) };
  }
  const lists: NonNullable<BuildInfo['lists']> = {};
  for (const [name, spec] of Object.entries(KV_LIST_ARTIFACTS)) {
    const path = join(dir, spec.file);
    if (existsSync(path)) lists[name] = { file: spec.file, ...(await sha256File(path)) };
  }
  const sealed = BuildInfoSchema.parse({ ...info, complete: true, files, lists });
  const tmp = join(dir, 'build.json.tmp');
  writeFileSync(tmp, JSON.stringify(sealed, null, 2));
  renameSync(tmp, join(dir, 'build.json'));
  return sealed;
}
