// imports.json: the sha256 of every file imported into a world, so the same file is never imported
// twice (its events and catalogue rows are already there).
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { WorldFiles } from '../../functions/io/world-files.js';

export const ImportRecordSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string(),
  role: z.enum(['log', 'videos', 'users']),
  format: z.string(),
  imported_at: z.iso.datetime(),
  rows_read: z.number().int().nonnegative(),
  rows_rejected: z.number().int().nonnegative(),
  events_written: z.number().int().nonnegative().optional(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
const LedgerSchema = z.object({ imports: z.array(ImportRecordSchema) });

export function readLedger(files: WorldFiles): ImportRecord[] {
  if (!existsSync(files.imports)) return [];
  return LedgerSchema.parse(JSON.parse(readFileSync(files.imports, 'utf8'))).imports;
}

export async function appendLedger(files: WorldFiles, records: ImportRecord[]): Promise<void> {
  const imports = [...readLedger(files), ...records];
  await writeFile(`${files.imports}.tmp`, JSON.stringify({ imports }, null, 2) + '\n');
  await rename(`${files.imports}.tmp`, files.imports);
}
