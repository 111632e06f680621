// Staged builds written directly, for the publisher's tests: lists of chosen users and files of chosen
// bytes, sealed by the same sealBuild the build jobs use.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RankedList } from '../../models/candidates.js';
import { KV_LIST_ARTIFACTS, sealBuild, type BuildInfo } from './staged-build.js';
import { listWriter } from './staged-lists.js';

export type FixtureBuild = {
  /** Candidate video ids per user; omitted: no candidates file. */
  users?: Record<string, string[]>;
  /** Video ids per region; omitted: no trending file. */
  trending?: Record<string, string[]>;
  /** Whole files published to R2, by artifact name. */
  files?: Record<string, { file: string; bytes: Uint8Array }>;
  layers_over?: string;
};

export const fixtureList = (key: string, version: string, ids: string[]): RankedList => ({
  key,
  version,
  generated_at: Date.UTC(2026, 0, 1),
  items: ids.map((id, i) => ({ video_id: id, creator_id: `cr-${id}`, category: 'music', sources: ['popular'], score: 1 - i / 100 })),
});

async function writeLists(path: string, version: string, lists: Record<string, string[]>) {
  const w = listWriter(path);
  for (const [key, ids] of Object.entries(lists)) await w.write(fixtureList(key, version, ids));
  await w.close();
}

/** Writes root/<version>/ and seals it; returns what publishVersion takes. */
export async function stageFixture(root: string, version: string, b: FixtureBuild): Promise<{ dir: string; info: BuildInfo }> {
  const dir = join(root, version);
  mkdirSync(dir, { recursive: true });
  if (b.users) await writeLists(join(dir, KV_LIST_ARTIFACTS.candidates.file), version, b.users);
  if (b.trending) await writeLists(join(dir, KV_LIST_ARTIFACTS.trending.file), version, b.trending);
  const files: NonNullable<BuildInfo['files']> = {};
  for (const [name, f] of Object.entries(b.files ?? {})) {
    writeFileSync(join(dir, f.file), f.bytes);
    files[name] = { file: f.file, content_type: 'application/octet-stream' };
  }
  const info = await sealBuild(dir, {
    version,
    created_at: new Date().toISOString(),
    build: { job: 'fixture' },
    files,
    ...(b.layers_over !== undefined && { layers_over: b.layers_over }),
  });
  return { dir, info };
}
