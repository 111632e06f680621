// world.json: what is in a world (source, counts, time range) for the jobs that read it. An import
// merges into what is there and keeps keys it does not own (a generator's parameters, say).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { WorldFiles } from '../../functions/io/world-files.js';

export type WorldSummary = {
  source: string;
  users: number;
  videos: number;
  events: number;
  start: string | null;
  end: string | null;
  regions: string[];
  categories: string[];
  [other: string]: unknown;
};

export type WorldUpdate = {
  source: string;
  users: number;
  videos: number;
  eventsAdded: number;
  minTs?: number;
  maxTs?: number;
  regions: Iterable<string>;
  categories: Iterable<string>;
};

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const pick = (a: string | null, b: string | null, f: (x: string, y: string) => boolean) => (a === null ? b : b === null ? a : f(a, b) ? a : b);

export function mergeWorld(prev: Record<string, unknown> | undefined, u: WorldUpdate): WorldSummary {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const sources = new Set((text(prev?.source) ?? '').split('+').filter((s) => s !== ''));
  sources.add(u.source);
  // A generated world lists regions as objects with an id; keep just the ids when merging.
  const asList = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x && 'id' in x ? String(x.id) : String(x))) : []);
  const start = pick(text(prev?.start), iso(u.minTs), (a, b) => a <= b);
  const end = pick(text(prev?.end), iso(u.maxTs), (a, b) => a >= b);
  const prevCounts = (prev?.counts ?? {}) as { events?: unknown };
  const prevEvents = typeof prev?.events === 'number' ? prev.events : typeof prevCounts.events === 'number' ? prevCounts.events : 0;
  const events = prevEvents + u.eventsAdded;
  return {
    ...prev,
    source: [...sources].join('+'),
    users: u.users,
    videos: u.videos,
    events,
    start,
    end,
    // The generator's spellings of the same facts, so readers of either kind of world find them.
    start_ts: start === null ? null : Date.parse(start),
    end_ts: end === null ? null : Date.parse(end),
    counts: { ...prevCounts, users: u.users, videos: u.videos, events },
    regions: [...new Set([...asList(prev?.regions), ...u.regions])].sort(),
    categories: [...new Set([...asList(prev?.categories), ...u.categories])].sort(),
  };
}

export async function updateWorldFile(files: WorldFiles, u: WorldUpdate): Promise<WorldSummary> {
  const prev = existsSync(files.meta) ? (JSON.parse(readFileSync(files.meta, 'utf8')) as Record<string, unknown>) : undefined;
  const next = mergeWorld(prev, u);
  await mkdir(files.dir, { recursive: true });
  await writeFile(files.meta, JSON.stringify(next, null, 2) + '\n');
  return next;
}
