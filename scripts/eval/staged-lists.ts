// Reads the lists a rebuild staged as ordered video ids by key.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KV_LIST_ARTIFACTS, type KvListArtifact } from '../../functions/io/staged-build.js';
import { readStagedLists as readLists } from '../../functions/io/staged-lists.js';
import { StagedListError } from './errors.js';

export type ListsByKey = Map<string, string[]>;

export async function readStagedLists(dir: string, artifact: KvListArtifact): Promise<ListsByKey> {
  const path = join(dir, KV_LIST_ARTIFACTS[artifact].file);
  if (!existsSync(path)) throw new StagedListError(`${path} not found: the rebuild staged no ${artifact} lists`);
  const out: ListsByKey = new Map();
  for await (const list of readLists(path)) out.set(list.key, list.items.map((i) => i.video_id));
  return out;
}
