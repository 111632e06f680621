// Where a shard set lives on disk and the shape of its manifest (`shards.json`), checked on load.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ShardFileError } from './errors.js';

export const indexFile = (k: number) => `shard-${k}.usearch`;
export const idsFile = (k: number) => `shard-${k}.ids.json`;
export const MANIFEST_FILE = 'shards.json';

const FileInfoSchema = z.object({ file: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().length(64) });
export type FileInfo = z.infer<typeof FileInfoSchema>;

export const ShardSetManifestSchema = z.object({
  dims: z.number().int().positive(),
  itemCount: z.number().int().nonnegative(),
  params: z.object({
    metric: z.enum(['cos', 'ip']),
    connectivity: z.number().int().nonnegative(),
    expansionAdd: z.number().int().nonnegative(),
    expansionSearch: z.number().int().nonnegative(),
  }),
  shards: z.array(z.object({ shard: z.number().int(), items: z.number().int(), index: FileInfoSchema, ids: FileInfoSchema })),
});
export type ShardSetManifest = z.infer<typeof ShardSetManifestSchema>;

export const readManifest = async (dir: string): Promise<ShardSetManifest> => {
  const text = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch((err: unknown) => {
    throw new ShardFileError(`no shard manifest in ${dir}: ${String(err)}`);
  });
  return ShardSetManifestSchema.parse(JSON.parse(text));
};

export const readIds = async (dir: string, k: number, expected: number): Promise<string[]> => {
  const ids = z.array(z.string()).parse(JSON.parse(await readFile(join(dir, idsFile(k)), 'utf8')));
  if (ids.length !== expected) throw new ShardFileError(`${idsFile(k)} holds ${ids.length} ids, manifest says ${expected}`);
  return ids;
};
