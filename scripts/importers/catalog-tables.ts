// Side tables (videos, users) read before the log: each row mapped by the format, validated with
// the zod schemas (fields only the log can fill get a placeholder for this check), rejects counted.
import { UserSchema, VideoSchema } from '../../models/schemas.js';
import type { RejectLog } from './rejects.js';
import type { TableRow, VideoInput } from './types.js';
import { schemaReason } from './validate.js';

export type StagedRow<T> = { lineNo: number; row: T };
export type TableStats = { rowsRead: number };

async function readStaged<T>(
  rows: AsyncIterable<TableRow>,
  rejects: RejectLog,
  key: string,
  check: (row: Record<string, unknown>) => { success: true } | { success: false; error: never },
  onReject: () => void,
): Promise<{ staged: Map<string, StagedRow<T>>; rowsRead: number }> {
  const staged = new Map<string, StagedRow<T>>();
  let rowsRead = 0;
  for await (const r of rows) {
    rowsRead++;
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
  return { staged, rowsRead };
}

export const readVideoTable = (rows: AsyncIterable<TableRow>, rejects: RejectLog, onReject: () => void) =>
  readStaged<VideoInput>(rows, rejects, 'video_id', (row) => VideoSchema.safeParse({ duration_sec: 1, ...row }) as never, onReject);

export const readUserTable = (rows: AsyncIterable<TableRow>, rejects: RejectLog, onReject: () => void) =>
  readStaged<Record<string, unknown>>(rows, rejects, 'user_id', (row) => UserSchema.safeParse({ signup_ts: 0, ...row }) as never, onReject);
