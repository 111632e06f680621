// Event-log read throughput (gunzip + JSON + schema validation) over a world's whole log.
import { existsSync } from 'node:fs';
import { newReadStats, readEventLog } from '../../functions/io/events.js';
import type { WorldFiles } from '../../functions/io/world-files.js';
import { repeat } from './stats.js';

export async function benchEventLog(files: WorldFiles, runs: number) {
  if (!existsSync(files.eventsDir)) return { skipped: `no event log under ${files.eventsDir}` };
  let events = 0;
  const rate = await repeat(runs, async () => {
    const stats = newReadStats();
    const t = performance.now();
    for await (const _ of readEventLog(files, stats)) events++;
    return stats.rows / ((performance.now() - t) / 1000);
  });
  return { events: events / runs, events_per_second_median: Math.round(rate.median), runs: rate.runs.map(Math.round) };
}
