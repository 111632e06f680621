// The command line: flags reach generateWorld, the summary prints, bad flags exit 2 with a message.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const dirs: string[] = [];
const tmp = () => dirs[dirs.push(mkdtempSync(join(tmpdir(), 'edgefeed-cli-'))) - 1]!;
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run generate', () => {
  it('generates the requested world and prints a one-screen summary', () => {
    const out = tmp();
    const stdout = execFileSync(tsx, ['scripts/generate.ts', '--users', '40', '--videos', '30', '--days', '2', '--seed', '5', '--start', '2024-01-10', '--out', out], { encoding: 'utf8' });
    expect(stdout).toMatch(/40 users · 30 videos/);
    expect(stdout).toMatch(/view rate\s+\d+\.\d+% of impressions · median watch ratio 0\.\d+/);
    expect(stdout.split('\n').length).toBeLessThan(20);
    const meta = JSON.parse(readFileSync(join(out, 'world.json'), 'utf8'));
    expect(meta.params).toMatchObject({ users: 40, videos: 30, days: 2, seed: 5, start: '2024-01-10', catalog: 'synthetic' });
    expect(meta.days).toEqual(['2024-01-10', '2024-01-11']);
  });

  it('rejects a bad flag value with exit code 2', () => {
    const r = spawnSync(tsx, ['scripts/generate.ts', '--users', 'many', '--out', tmp()], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--users must be a positive integer/);
  });
});
