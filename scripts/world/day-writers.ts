// Routes events to gzip NDJSON part files by UTC day (events/dt=YYYY-MM-DD/part-NNNNN.ndjson.gz),
// opening a day's writer on its first row and starting a new part past maxRowsPerPart.
import { eventLogDay } from '../../models/keys.js';
import { ndjsonWriter, type NdjsonWriter } from '../../functions/io/ndjson.js';
import type { WorldFiles } from '../../functions/io/world-files.js';

const DAY_MS = 86_400_000;
export type DayPart = { day: string; part: string; rows: number };

export function dayWriters(files: WorldFiles, startMs: number, days: number, maxRowsPerPart: number) {
  const open: ({ w: NdjsonWriter; part: number } | undefined)[] = new Array(days).fill(undefined);
  const done: DayPart[] = [];
  const partName = (n: number) => `part-${String(n).padStart(5, '0')}`;
  const finish = async (d: number) => {
    const cur = open[d];
    if (!cur) return;
    await cur.w.close();
    done.push({ day: eventLogDay(startMs + d * DAY_MS), part: partName(cur.part), rows: cur.w.rows });
  };
  return {
    async write(row: { ts: number }): Promise<void> {
      const d = Math.floor((row.ts - startMs) / DAY_MS);
      let cur = open[d];
      if (cur && cur.w.rows >= maxRowsPerPart) {
        await finish(d);
        cur = open[d] = { w: ndjsonWriter(files.eventPart(eventLogDay(row.ts), partName(cur.part + 1))), part: cur.part + 1 };
      }
      if (!cur) cur = open[d] = { w: ndjsonWriter(files.eventPart(eventLogDay(row.ts), partName(0))), part: 0 };
      await cur.w.write(row);
    },
    /** Closes every open part; returns all parts written, in day then part order. */
    async close(): Promise<DayPart[]> {
      for (let d = 0; d < days; d++) await finish(d);
      return done.sort((a, b) => a.day.localeCompare(b.day) || a.part.localeCompare(b.part));
    },
  };
}
