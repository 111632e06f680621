// A build is staged on disk before it is published: data/build/<version>/ holds every artifact as a
// file plus build.json. Publishing reads only this folder, so a killed build never reaches the edge.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256OfFile } from './sha256.js';
import type { WorldFiles } from './world-files.js';

/** Lists published to KV one entry per key (user, region), each line of the file one RankedList. */
export const KV_LIST_ARTIFACTS = {
  candidates: { file: 'candidates.ndjson.gz', kvPrefix: (v: string) => `cand:${v}:` },
  trending: { file: 'trending.ndjson.gz', kvPrefix: (v: string) => `trend:${v}:` },
} as const;
export type KvListArtifact = keyof typeof KV_LIST_ARTIFACTS;

export const BuildInfoSchema = z.object({
  version: z.string(),
  created_at: z.iso.datetime(),
  /** Set last, when every artifact file is complete: a folder without it is an interrupted build. */
  complete: z.literal(true),
  build: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** Whole-file artifacts (models, stats) published to R2 under models/<version>/<file>. */
  files: z.record(z.string(), z.object({ file: z.string().regex(/^[\w.-]+$/), content_type: z.string() })).default({}),
});
export type BuildInfo = z.input<typeof BuildInfoSchema>;

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
