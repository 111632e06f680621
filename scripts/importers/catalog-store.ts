// The catalogue files (videos, users) as maps keyed by id: loaded whole (catalogues are small next to
// the event log), upserted, and written back atomically via a temp file and a rename.
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { ndjsonWriter, readNdjson } from '../../functions/io/ndjson.js';

export async function loadCatalog<T extends object>(path: string, key: keyof T & string): Promise<Map<string, T>> {
  const rows = new Map<string, T>();
  if (!existsSync(path)) return rows;
  for await (const row of readNdjson<T>(path)) rows.set(String(row[key]), row);
  return rows;
}

export async function writeCatalog(path: string, rows: Iterable<unknown>): Promise<number> {
  const tmp = path.replace(/(\.ndjson\.gz)?$/, '.importing$1');
  const w = ndjsonWriter(tmp);
  for (const row of rows) await w.write(row);
  await w.close();
  await rename(tmp, path);
  return w.rows;
}

export type UpsertCounts = { added: number; updated: number; unchanged: number };

/** Sets rows that are new or differ; returns what changed (a re-import of the same table changes nothing). */
export function upsert<T>(target: Map<string, T>, id: string, row: T, counts: UpsertCounts): void {
  const old = target.get(id);
  if (old === undefined) counts.added++;
  else if (JSON.stringify(old) === JSON.stringify(row)) return void counts.unchanged++;
  else counts.updated++;
  target.set(id, row);
}
