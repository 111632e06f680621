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

export function mergeWorld(prev: Partial<WorldSummary> | undefined, u: WorldUpdate): WorldSummary {
  const sources = new Set((prev?.source ?? '').split('+').filter((s) => s !== ''));
  sources.add(u.source);
  const asList = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  return {
    ...prev,
    source: [...sources].join('+'),
    users: u.users,
    videos: u.videos,
    events: (typeof prev?.events === 'number' ? prev.events : 0) + u.eventsAdded,
    start: pick(prev?.start ?? null, iso(u.minTs), (a, b) => a <= b),
    end: pick(prev?.end ?? null, iso(u.maxTs), (a, b) => a >= b),
    regions: [...new Set([...asList(prev?.regions), ...u.regions])].sort(),
    categories: [...new Set([...asList(prev?.categories), ...u.categories])].sort(),
  };
}

export async function updateWorldFile(files: WorldFiles, u: WorldUpdate): Promise<WorldSummary> {
  const prev = existsSync(files.meta) ? (JSON.parse(readFileSync(files.meta, 'utf8')) as Partial<WorldSummary>) : undefined;
  const next = mergeWorld(prev, u);
  await mkdir(files.dir, { recursive: true });
  await writeFile(files.meta, JSON.stringify(next, null, 2) + '\n');
  return next;
}
