// Progress lines for long imports: at most one every intervalMs, with the row rate.
export const PROGRESS_INTERVAL_MS = 5_000;

export type Progress = { tick(rows: number): void; readonly elapsedSec: number };

export function progress(log: (line: string) => void, label: string, intervalMs = PROGRESS_INTERVAL_MS): Progress {
  const start = performance.now();
  let last = start;
  return {
    tick(rows) {
      // Checking the clock only every 4096 rows keeps this off the hot path.
      if ((rows & 4095) !== 0) return;
      const now = performance.now();
      if (now - last < intervalMs) return;
      last = now;
      const rate = rows / ((now - start) / 1000);
      log(`${label}: ${rows.toLocaleString('en-US')} rows (${Math.round(rate).toLocaleString('en-US')} rows/s)`);
    },
    get elapsedSec() {
      return (performance.now() - start) / 1000;
    },
  };
}
