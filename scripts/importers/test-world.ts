// Test helpers: run an import into a fresh temp world and read back what it wrote.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNdjson } from '../../functions/io/ndjson.js';
import { eventLogDays, worldFiles } from '../../functions/io/world-files.js';
import type { Event, User, Video } from '../../models/schemas.js';
import { runImport, type ImportOptions } from './run-import.js';

export const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
export const tempWorld = () => mkdtempSync(join(tmpdir(), 'edgefeed-import-'));

export function importInto(out: string, o: Omit<ImportOptions, 'out' | 'maxErrors' | 'log'> & { maxErrors?: number }) {
  const lines: string[] = [];
  return runImport({ maxErrors: Infinity, ...o, out, log: (l) => lines.push(l) });
}

async function collect<T>(path: string): Promise<T[]> {
  const rows: T[] = [];
  for await (const r of readNdjson<T>(path)) rows.push(r);
  return rows;
}

export async function readEvents(out: string): Promise<Event[]> {
  const events: Event[] = [];
  for (const { parts } of eventLogDays(worldFiles(out))) for (const p of parts) events.push(...(await collect<Event>(p)));
  return events;
}

export async function readWorld(out: string) {
  const files = worldFiles(out);
  return {
    events: await readEvents(out),
    videos: await collect<Video>(files.videos),
    users: await collect<User>(files.users),
    world: JSON.parse(readFileSync(files.meta, 'utf8')) as Record<string, unknown>,
    days: eventLogDays(files),
  };
}

export const countByType = (events: Event[]) => {
  const out: Record<string, number> = {};
  for (const e of events) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
};
