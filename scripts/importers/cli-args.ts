// The import command line → ImportOptions. --max-errors defaults to unlimited: every bad row is
// reported and the good ones imported; set it to stop early (nothing written) on a file that is mostly bad.
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../../functions/io/world-files.js';
import { UsageError } from './errors.js';
import type { ImportOptions } from './run-import.js';
import { FORMATS, type FormatName } from './types.js';

export const USAGE = `usage: npm run import -- --format kuairand|movielens|ndjson --input PATH
         [--videos PATH] [--users PATH] [--out DIR (default ${DEFAULT_DATA_DIR})]
         [--max-errors N (default unlimited: report every bad row; past N, abort and write nothing)]
         [--report PATH (default <out>/import-report-<format>-<timestamp>.json)]
  kuairand:  --input log CSV/TSV(.gz), --videos video table CSV, --users user table CSV
  movielens: --input u.data, --videos u.item, --users u.user
  ndjson:    --input EventSchema rows, --videos VideoSchema rows, --users UserSchema rows`;

export function parseImportArgs(argv: string[], log: (line: string) => void): ImportOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        input: { type: 'string' },
        videos: { type: 'string' },
        users: { type: 'string' },
        out: { type: 'string', default: DEFAULT_DATA_DIR },
        'max-errors': { type: 'string' },
        report: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const format = values.format as FormatName | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}\n${USAGE}`);
  if (!values.input) throw new UsageError(`--input is required\n${USAGE}`);
  const rawMax = values['max-errors'];
  if (rawMax !== undefined && !/^\d+$/.test(rawMax)) throw new UsageError(`--max-errors must be a non-negative integer`);
  return {
    format,
    input: values.input,
    ...(values.videos ? { videos: values.videos } : {}),
    ...(values.users ? { users: values.users } : {}),
    out: values.out,
    maxErrors: rawMax === undefined ? Infinity : Number(rawMax),
    ...(values.report ? { reportPath: values.report } : {}),
    log,
  };
}
