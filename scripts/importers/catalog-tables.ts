// Side tables (videos, users) read before the log: each row mapped by the format, validated with
// the zod schemas (fields only the log can fill get a placeholder for this check), rejects counted.
import { UserSchema, VideoSchema } from '../../models/schemas.js';
import type { RejectLog } from './rejects.js';
import type { TableRow, VideoInput } from './types.js';
import { schemaReason } from './validate.js';

export type StagedRow<T> = { lineNo: number; row: T };
/** Counted as rows are read, so an aborted import still reports how far it got. */
export type RowCounter = { rowsRead: number };

async function readStaged<T>(
  rows: AsyncIterable<TableRow>,
  counter: RowCounter & { rejects: RejectLog },
  key: string,
  check: (row: Record<string, unknown>) => { success: true } | { success: false; error: never },
  onReject: () => void,
): Promise<Map<string, StagedRow<T>>> {
  const staged = new Map<string, StagedRow<T>>();
  const { rejects } = counter;
  for await (const r of rows) {
    counter.rowsRead++;
    if ('reject' in r) {
      rejects.add(r.lineNo, r.reject);
      onReject();
      continue;
    }
    const result = check(r.row);
    if (!result.success) {
      rejects.add(r.lineNo, schemaReason(result.error));
      onReject();
      continue;
    }
    // A later row with the same id wins, as it would in an upsert.
    staged.set(String(r.row[key]), { lineNo: r.lineNo, row: r.row as T });
  }
  return staged;
}

type Counter = RowCounter & { rejects: RejectLog };

export const readVideoTable = (rows: AsyncIterable<TableRow>, counter: Counter, onReject: () => void) =>
  readStaged<VideoInput>(rows, counter, 'video_id', (row) => VideoSchema.safeParse({ duration_sec: 1, ...row }) as never, onReject);

export const readUserTable = (rows: AsyncIterable<TableRow>, counter: Counter, onReject: () => void) =>
  readStaged<Record<string, unknown>>(rows, counter, 'user_id', (row) => UserSchema.safeParse({ signup_ts: 0, ...row }) as never, onReject);
