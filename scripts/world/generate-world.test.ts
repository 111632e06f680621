// generateWorld is a pure function of its options: same options → byte-identical files; another seed
// → another world; part rotation changes file boundaries, never the rows.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorld } from './generate-world.js';
import { WorldOptionError } from './errors.js';
import { loadWorld } from './test-world.js';

const TINY = { users: 80, videos: 60, days: 3, seed: 11, log: () => {} };

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
const dirs: string[] = [];
const tmp = () => dirs[dirs.push(mkdtempSync(join(tmpdir(), 'edgefeed-gen-'))) - 1]!;
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generateWorld', () => {
  it('writes byte-identical worlds for the same options', async () => {
    const [a, b] = [tmp(), tmp()];
    await generateWorld({ ...TINY, out: a });
    await generateWorld({ ...TINY, out: b });
    const da = digests(a);
    expect(Object.keys(da)).toEqual(
      expect.arrayContaining(['world.json', 'catalog/videos.ndjson.gz', 'catalog/users.ndjson.gz', 'truth/users.ndjson.gz', 'truth/follows.ndjson.gz', 'events/dt=2025-03-03/part-00000.ndjson.gz']),
    );
    expect(digests(b)).toEqual(da);
  });

  it('writes a different world for a different seed', async () => {
    const [a, b] = [tmp(), tmp()];
    await generateWorld({ ...TINY, out: a });
    await generateWorld({ ...TINY, seed: 12, out: b });
    expect(digests(b)['events/dt=2025-03-04/part-00000.ndjson.gz']).not.toBe(digests(a)['events/dt=2025-03-04/part-00000.ndjson.gz']);
  });

  it('keeps a user history independent of how many users follow it', async () => {
    const small = await loadWorld({ ...TINY, users: 20 });
    const big = await loadWorld({ ...TINY, users: 40 });
    const firstUsers = (w: typeof small) => w.events.filter((e) => Number(e.user_id.slice(1)) < 20).map((e) => e.event_id + e.type + e.ts);
    expect(firstUsers(big)).toEqual(firstUsers(small));
  });

  it('splits big days into several parts without changing the rows', async () => {
    const whole = await loadWorld(TINY);
    const split = await loadWorld({ ...TINY, maxRowsPerPart: 500 });
    expect(split.result.parts.length).toBeGreaterThan(whole.result.parts.length);
    expect(split.result.parts.every((p) => p.rows <= 500)).toBe(true);
    expect(split.events.map((e) => e.event_id)).toEqual(whole.events.map((e) => e.event_id));
  });

  it('rejects bad options with a named error', async () => {
    await expect(generateWorld({ ...TINY, users: 0, out: tmp() })).rejects.toBeInstanceOf(WorldOptionError);
    await expect(generateWorld({ ...TINY, start: '2025-13-40', out: tmp() })).rejects.toThrow(/--start/);
  });
});
