// Copies the edge's event log (R2 bucket EVENT_LOG, written by POST /v1/events) into the local world's
// event folder the jobs read, under the same key layout (files.eventPart(day, part)). Idempotent: a
// part already present locally is skipped, so running it before every rebuild copies only what is new.
// Each part lands under a temporary name and is renamed into place, so a crash leaves no half file
// that a later run would take as present.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import pMap from 'p-map';
import { EVENT_LOG_DAY_RE } from '../../models/keys.js';
import { JobError } from '../errors.js';
import { openPlatformStore, type ArtifactStore } from './artifact-store.js';
import type { WorldFiles } from './world-files.js';

/** The two calls the copy needs, over the EVENT_LOG bucket. */
export type EventLogSource = Pick<ArtifactStore, 'r2List' | 'r2Get'>;
export type PullResult = { copied: string[]; skipped: number; ignored: string[] };

export const EVENT_LOG_PREFIX = 'events/';
const PART_RE = /^events\/(dt=\d{4}-\d{2}-\d{2})\/([^/]+)\.ndjson\.gz$/;

/** `events/dt=2026-07-04/edge-….ndjson.gz` → its day and part; null for anything else in the bucket. */
export function parseEventLogKey(key: string): { day: string; part: string } | null {
  const m = PART_RE.exec(key);
  const day = m && EVENT_LOG_DAY_RE.exec(m[1]!);
  return m && day ? { day: day[1]!, part: m[2]! } : null;
}

/** An object that is not gzip is not an event-log part: stop rather than hand the jobs garbage. */
export class EventLogObjectError extends JobError {
  override name = 'EventLogObjectError';
}

export async function pullEventLog(
  source: EventLogSource,
  files: WorldFiles,
  opts: { sinceDay?: string; concurrency?: number } = {},
): Promise<PullResult> {
  const result: PullResult = { copied: [], skipped: 0, ignored: [] };
  const wanted: { key: string; dest: string }[] = [];
  for (const key of (await source.r2List(EVENT_LOG_PREFIX)).sort()) {
    const parsed = parseEventLogKey(key);
    if (!parsed) result.ignored.push(key);
    else if (opts.sinceDay !== undefined && parsed.day < opts.sinceDay) continue;
    else if (existsSync(files.eventPart(parsed.day, parsed.part))) result.skipped++;
    else wanted.push({ key, dest: files.eventPart(parsed.day, parsed.part) });
  }
  await pMap(
    wanted,
    async ({ key, dest }) => {
      const bytes = await source.r2Get(key);
      if (bytes === null) return void result.ignored.push(key); // deleted between list and get
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new EventLogObjectError(`event-log object '${key}' is not gzip`);
      const tmp = `${dest}.partial-${process.pid}`;
      await mkdir(dirname(dest), { recursive: true });
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, dest);
      } finally {
        await rm(tmp, { force: true });
      }
      result.copied.push(key);
    },
    { concurrency: opts.concurrency ?? 8 },
  );
  result.copied.sort();
  return result;
}

/** The EVENT_LOG bucket through wrangler's getPlatformProxy (local state, or Cloudflare when remote). */
export const openEventLogSource = (opts: { configPath?: string; stateDir?: string } = {}): Promise<ArtifactStore> =>
  openPlatformStore({ ...opts, bucket: 'EVENT_LOG' });
