// Reads the whole event log of a world, oldest day first, validating every row against the contract.
// Invalid rows are counted with their file and line, never passed on and never silently lost.
import { EventSchema, type Event } from '../../models/schemas.js';
import { readLines } from './ndjson.js';
import { eventLogDays, type WorldFiles } from './world-files.js';

export type InvalidRow = { file: string; lineNo: number; reason: string };
export type EventReadStats = { rows: number; invalid: number; firstInvalid: InvalidRow[] };

export async function* readEventLog(files: WorldFiles, stats: EventReadStats, opts: { onlyDay?: string } = {}): AsyncGenerator<Event> {
  for (const { day, parts } of eventLogDays(files)) {
    if (opts.onlyDay !== undefined && day !== opts.onlyDay) continue;
    for (const file of parts) {
      for await (const { line, lineNo } of readLines(file)) {
        stats.rows++;
        let parsed: ReturnType<typeof EventSchema.safeParse>;
        try {
          parsed = EventSchema.safeParse(JSON.parse(line));
        } catch {
          parsed = { success: false } as never;
        }
        if (parsed.success) yield parsed.data;
        else {
          stats.invalid++;
          if (stats.firstInvalid.length < 20) {
            const issue = parsed.error?.issues[0];
            stats.firstInvalid.push({ file, lineNo, reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'not JSON' });
          }
        }
      }
    }
  }
}

export const newReadStats = (): EventReadStats => ({ rows: 0, invalid: 0, firstInvalid: [] });
