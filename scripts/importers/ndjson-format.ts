// Our own NDJSON: EventSchema rows as the log, VideoSchema / UserSchema rows as the tables. Rows are
// only parsed here; the runner validates them like any other format's output.
import { readLines } from '../../functions/io/ndjson.js';
import { FormatError } from './errors.js';
import type { Importer, RowResult, TableRow } from './types.js';

/** Ids the catalogue does not describe get these: NDJSON events say nothing about locale or creator. */
export const NDJSON_UNKNOWN = { creator: 'unknown', category: 'unknown', region: 'unknown', language: 'unknown', durationSec: 60 } as const;

async function* readObjects(path: string, what: string): AsyncGenerator<{ lineNo: number; obj: Record<string, unknown> } | { lineNo: number; reject: string }> {
  let first = true;
  let lastLine = 0;
  try {
    for await (const { line, lineNo } of readLines(path)) {
      lastLine = lineNo;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        obj = undefined;
      }
      const isObject = typeof obj === 'object' && obj !== null && !Array.isArray(obj);
      if (first && !isObject) throw new FormatError(path, `not ${what}: line ${lineNo} is not a JSON object`);
      first = false;
      yield isObject ? { lineNo, obj: obj as Record<string, unknown> } : { lineNo, reject: 'bad_json: not a JSON object' };
    }
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw new FormatError(path, `unreadable after line ${lastLine}: ${(err as Error).message}`);
  }
}

async function* log(path: string): AsyncGenerator<RowResult> {
  for await (const r of readObjects(path, 'NDJSON events')) yield 'reject' in r ? r : { lineNo: r.lineNo, events: [r.obj as never] };
}

async function* table(path: string, what: string): AsyncGenerator<TableRow> {
  for await (const r of readObjects(path, what)) yield 'reject' in r ? r : { lineNo: r.lineNo, row: r.obj };
}

export function ndjsonImporter(): Importer {
  return {
    name: 'ndjson',
    readLog: (path) => log(path),
    readVideos: (path) => table(path, 'NDJSON videos'),
    readUsers: (path) => table(path, 'NDJSON users'),
    inferVideo: (video_id, seen) => ({
      video_id,
      creator_id: NDJSON_UNKNOWN.creator,
      category: NDJSON_UNKNOWN.category,
      tags: [],
      ...(seen.maxDurationSec ? { duration_sec: seen.maxDurationSec } : {}),
      upload_ts: seen.firstTs,
      region: NDJSON_UNKNOWN.region,
      language: NDJSON_UNKNOWN.language,
      title: '',
    }),
    inferUser: (user_id, seen) => ({ user_id, region: NDJSON_UNKNOWN.region, language: NDJSON_UNKNOWN.language, device: 'other', signup_ts: seen.firstTs }),
    unknownDurationSec: NDJSON_UNKNOWN.durationSec,
    notes: () => [
      `ids missing from the catalogue get creator_id/category/region/language '${NDJSON_UNKNOWN.region}', device other, duration from the events (else ${NDJSON_UNKNOWN.durationSec} s)`,
    ],
  };
}
