// Before anything is written, every staged file must be there and, for a sealed build, hash to what
// build.json recorded at staging time: a file changed or truncated since then is never published.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublishError } from '../errors.js';
import { sha256OfBytes } from './sha256.js';
import { KV_LIST_ARTIFACTS, sha256File, type StagedBuild } from './staged-build.js';

export type StagedFile = { file: string; path: string; sha256: string; bytes: number };
export type VerifiedBuild = { lists: Partial<Record<keyof typeof KV_LIST_ARTIFACTS, StagedFile>>; files: Record<string, StagedFile> };

export async function verifyStaged(dir: string, info: StagedBuild): Promise<VerifiedBuild> {
  const check = async (file: string, sealed: { sha256?: string | undefined } | undefined): Promise<StagedFile> => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new PublishError(`build ${info.version}: staged file ${file} is missing from ${dir}; rebuild it`);
    const got = await sha256File(path);
    if (sealed?.sha256 !== undefined && got.sha256 !== sealed.sha256) {
      throw new PublishError(`build ${info.version}: staged file ${file} has sha256 ${got.sha256} but build.json sealed ${sealed.sha256}; it changed after staging, rebuild it`);
    }
    return { file, path, ...got };
  };
  const lists: VerifiedBuild['lists'] = {};
  for (const [name, spec] of Object.entries(KV_LIST_ARTIFACTS) as [keyof typeof KV_LIST_ARTIFACTS, (typeof KV_LIST_ARTIFACTS)[keyof typeof KV_LIST_ARTIFACTS]][]) {
    const sealed = info.lists?.[name];
    const present = existsSync(join(dir, spec.file));
    // A sealed build names every list it made; one that appeared afterwards was not built with it.
    if (info.lists && !sealed && present) throw new PublishError(`build ${info.version}: staged file ${spec.file} is not in build.json's sealed lists; rebuild it`);
    if (sealed || present) lists[name] = await check(spec.file, sealed);
  }
  const files: VerifiedBuild['files'] = {};
  for (const [name, f] of Object.entries(info.files)) files[name] = await check(f.file, f);
  return { lists, files };
}
/** Reads `path` and checks it still hashes to what was verified, so R2 gets exactly those bytes. */
export function stagedBytes(path: string, sha256: string): Uint8Array {
  const bytes = readFileSync(path);
  if (sha256OfBytes(bytes) !== sha256) throw new PublishError(`staged file ${path} changed while publishing; rebuild it`);
  return bytes;
}
