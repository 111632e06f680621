// Copies the edge's event log (R2 bucket EVENT_LOG, written by POST /v1/events) into the local world's
// event folder the jobs read, under the same key layout (files.eventPart(day, part)). Idempotent: a
// part already present locally is skipped, so running it before every rebuild copies only what is new.
// Each part lands under a temporary name and is renamed into place, so a crash leaves no half file
// that a later run would take as present.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import pMap from 'p-map';
import { getPlatformProxy } from 'wrangler';
import { EVENT_LOG_DAY_RE } from '../../models/keys.js';
import { JobError } from '../errors.js';
import type { ArtifactStore } from './artifact-store.js';
import { DEFAULT_STATE_DIR, type WorldFiles } from './world-files.js';

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

type EventLogBinding = {
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  put(key: string, value: Uint8Array): Promise<unknown>;
  list(opts: { prefix: string; cursor?: string }): Promise<{ objects: { key: string }[]; truncated: boolean; cursor?: string }>;
};

/**
 * The EVENT_LOG bucket through wrangler's getPlatformProxy, as openPlatformStore (artifact-store.ts)
 * opens ARTIFACTS: local Miniflare state, or Cloudflare when the binding is `remote = true`.
 */
export async function openEventLogSource(
  opts: { configPath?: string; stateDir?: string } = {},
): Promise<EventLogSource & Pick<ArtifactStore, 'r2Put' | 'close'>> {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  const proxy = await getPlatformProxy<{ EVENT_LOG: EventLogBinding }>({
    configPath: opts.configPath ?? process.env.EDGEFEED_WRANGLER_CONFIG ?? 'wrangler.toml',
    persist: { path: `${opts.stateDir ?? DEFAULT_STATE_DIR}/v3` },
  });
  const r2 = proxy.env.EVENT_LOG;
  return {
    r2List: async (prefix) => {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await r2.list({ prefix, ...(cursor && { cursor }) });
        keys.push(...page.objects.map((o) => o.key));
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return keys;
    },
    r2Get: async (key) => {
      const obj = await r2.get(key);
      return obj ? new Uint8Array(await obj.arrayBuffer()) : null;
    },
    r2Put: async (key, bytes) => {
      await r2.put(key, new Uint8Array(bytes)); // a fresh copy: the proxy rejects views into Node's Buffer pool
    },
    close: () => proxy.dispose(),
  };
}
