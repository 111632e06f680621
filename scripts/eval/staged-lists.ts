// Reads the lists a rebuild staged (one RankedList per line) as ordered video ids by key.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RankedList } from '../../models/candidates.js';
import { readNdjson } from '../../functions/io/ndjson.js';
import { KV_LIST_ARTIFACTS, type KvListArtifact } from '../../functions/io/staged-build.js';
import { StagedListError } from './errors.js';

export type ListsByKey = Map<string, string[]>;

export async function readStagedLists(dir: string, artifact: KvListArtifact): Promise<ListsByKey> {
  const path = join(dir, KV_LIST_ARTIFACTS[artifact].file);
  if (!existsSync(path)) throw new StagedListError(`${path} not found: the rebuild staged no ${artifact} lists`);
  const out: ListsByKey = new Map();
  for await (const list of readNdjson<RankedList>(path)) out.set(list.key, list.items.map((i) => i.video_id));
  return out;
}
