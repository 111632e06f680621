// Generator options: defaults, validation and the fixed default window (reproducible output).
import { DEFAULT_DATA_DIR } from '../../functions/io/world-files.js';
import { WorldOptionError } from './errors.js';
import type { WorldOptions } from './types.js';

export const DEFAULT_OPTIONS: Omit<WorldOptions, 'log'> = {
  users: 2_000,
  videos: 1_000,
  days: 14,
  seed: 42,
  out: DEFAULT_DATA_DIR,
  start: '2025-03-03',
  catalog: 'synthetic',
  sessionScale: 1,
  maxRowsPerPart: 2_000_000,
};

export function resolveOptions(partial: Partial<WorldOptions>): WorldOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const o: WorldOptions = { ...DEFAULT_OPTIONS, log: (l) => console.log(l), ...defined };
  const positiveInt = (name: 'users' | 'videos' | 'days' | 'maxRowsPerPart') => {
    if (!Number.isInteger(o[name]) || o[name] < 1) throw new WorldOptionError(name, `--${name} must be a positive integer, got ${o[name]}`);
  };
  positiveInt('users');
  positiveInt('videos');
  positiveInt('days');
  positiveInt('maxRowsPerPart');
  if (!Number.isInteger(o.seed)) throw new WorldOptionError('seed', `--seed must be an integer, got ${o.seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.start) || Number.isNaN(Date.parse(`${o.start}T00:00:00Z`)))
    throw new WorldOptionError('start', `--start must be an ISO date (YYYY-MM-DD), got ${o.start}`);
  if (o.catalog !== 'synthetic' && o.catalog !== 'kuairand') throw new WorldOptionError('catalog', `--catalog must be synthetic or kuairand, got ${o.catalog}`);
  if (!(o.sessionScale > 0)) throw new WorldOptionError('sessionScale', `--sessions must be > 0, got ${o.sessionScale}`);
  return o;
}

export const windowOf = (o: Pick<WorldOptions, 'start' | 'days'>) => {
  const startMs = Date.parse(`${o.start}T00:00:00Z`);
  return { startMs, endMs: startMs + o.days * 86_400_000 };
};
