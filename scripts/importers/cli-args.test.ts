import { describe, expect, it } from 'vitest';
import { parseImportArgs } from './cli-args.js';
import { UsageError } from './errors.js';

const log = () => {};

describe('parseImportArgs', () => {
  it('reads every option; --max-errors defaults to unlimited', () => {
    const o = parseImportArgs(['--format', 'kuairand', '--input', 'log.tsv', '--videos', 'v.csv', '--out', 'w', '--report', 'r.json'], log);
    expect(o).toMatchObject({ format: 'kuairand', input: 'log.tsv', videos: 'v.csv', out: 'w', reportPath: 'r.json', maxErrors: Infinity });
    expect(parseImportArgs(['--format', 'ndjson', '--input', 'e', '--max-errors', '0'], log).maxErrors).toBe(0);
  });

  it('refuses an unknown format, a missing input and a non-numeric --max-errors', () => {
    expect(() => parseImportArgs(['--format', 'csv', '--input', 'x'], log)).toThrow(UsageError);
    expect(() => parseImportArgs(['--format', 'movielens'], log)).toThrow(/--input is required/);
    expect(() => parseImportArgs(['--format', 'movielens', '--input', 'x', '--max-errors', 'many'], log)).toThrow(/non-negative integer/);
    expect(() => parseImportArgs(['--format', 'movielens', '--input', 'x', '--bogus'], log)).toThrow(UsageError);
  });
});
