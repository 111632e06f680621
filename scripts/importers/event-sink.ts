// Writes events into the day partitions of a world, skipping event_ids already present there. Parts
// are written in a staging folder and moved into events/ only on commit, so a failed import leaves no
// trace. At most maxOpenWriters gzip streams are open; a day evicted and seen again gets a new part.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readNdjson, ndjsonWriter, type NdjsonWriter } from '../../functions/io/ndjson.js';
import type { WorldFiles } from '../../functions/io/world-files.js';
import { eventLogDay, eventLogKey } from '../../models/keys.js';
import type { Event } from '../../models/schemas.js';

export const MAX_OPEN_WRITERS = 48;

type Day = { ids: Set<string>; nextPart: number };

export type EventSink = {
  /** Writes the event unless its event_id is already in its day partition; returns whether written. */
  add(event: Event): Promise<boolean>;
  commit(): Promise<string[]>;
  abort(): Promise<void>;
  readonly daysTouched: number;
};

export function eventSink(files: WorldFiles, partPrefix: string, maxOpenWriters = MAX_OPEN_WRITERS): EventSink {
  const days = new Map<string, Day>();
  // Day names by UTC day number: formatting a Date per event is a hot spot on big logs.
  const dayNames = new Map<number, string>();
  const open = new Map<string, NdjsonWriter>(); // insertion order = least recently used first
  const staging = join(files.dir, '.import-staging', partPrefix);
  const staged: { tmp: string; final: string }[] = [];

  async function loadDay(day: string): Promise<Day> {
    const dir = dirname(files.eventPart(day, 'x'));
    const ids = new Set<string>();
    let nextPart = 0;
    if (existsSync(dir)) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.ndjson.gz')).sort()) {
        const m = new RegExp(`^${partPrefix}-(\\d+)\\.ndjson\\.gz$`).exec(name);
        if (m) nextPart = Math.max(nextPart, Number(m[1]) + 1);
        for await (const e of readNdjson<{ event_id?: string }>(`${dir}/${name}`)) if (e.event_id) ids.add(e.event_id);
      }
    }
    return { ids, nextPart };
  }

  async function writerFor(day: string, d: Day): Promise<NdjsonWriter> {
    let w = open.get(day);
    if (w) {
      open.delete(day);
      open.set(day, w);
      return w;
    }
    if (open.size >= maxOpenWriters) {
      const [oldest, ow] = open.entries().next().value as [string, NdjsonWriter];
      open.delete(oldest);
      await ow.close();
    }
    const part = `${partPrefix}-${String(d.nextPart++).padStart(4, '0')}`;
    const tmp = join(staging, eventLogKey(day, part));
    staged.push({ tmp, final: files.eventPart(day, part) });
    w = ndjsonWriter(tmp);
    open.set(day, w);
    return w;
  }

  async function closeAll(): Promise<void> {
    for (const w of open.values()) await w.close();
    open.clear();
  }

  return {
    async add(event) {
      const dayNo = Math.floor(event.ts / 86_400_000);
      let day = dayNames.get(dayNo);
      if (day === undefined) dayNames.set(dayNo, (day = eventLogDay(event.ts)));
      let d = days.get(day);
      if (!d) days.set(day, (d = await loadDay(day)));
      if (d.ids.has(event.event_id)) return false;
      d.ids.add(event.event_id);
      await (await writerFor(day, d)).write(event);
      return true;
    },
    async commit() {
      await closeAll();
      const done: string[] = [];
      for (const { tmp, final } of staged) {
        await mkdir(dirname(final), { recursive: true });
        await rename(tmp, final);
        done.push(`${basename(dirname(final))}/${basename(final)}`);
      }
      await rm(staging, { recursive: true, force: true });
      await rmEmptyParent(staging);
      return done;
    },
    async abort() {
      await closeAll();
      await rm(staging, { recursive: true, force: true });
      await rmEmptyParent(staging);
    },
    get daysTouched() {
      return days.size;
    },
  };
}

async function rmEmptyParent(path: string): Promise<void> {
  const parent = dirname(path);
  if (existsSync(parent) && readdirSync(parent).length === 0) await rm(parent, { recursive: true });
}
