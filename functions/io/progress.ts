// Periodic progress lines for long jobs: count, rate and (when the total is known) ETA. Lines, not a
// redrawn bar, so logs from CI and `npm start` stay readable. Shared by jobs, generator and importers.
export type Progress = { tick(n?: number): void; done(): { count: number; seconds: number } };
export type ProgressOptions = {
  total?: number;
  everyMs?: number;
  log?: (line: string) => void;
  /** Extra text for each line, e.g. a second counter; gets the seconds elapsed. */
  detail?: (seconds: number) => string;
};

const fmt = (n: number) => Math.round(n).toLocaleString('en');

export function progress(label: string, opts: ProgressOptions = {}): Progress {
  const { total, everyMs = 2000, log = (l) => console.log(l), detail } = opts;
  const start = performance.now();
  let last = start;
  let count = 0;
  const line = (now: number) => {
    const secs = (now - start) / 1000;
    const rate = count / Math.max(secs, 1e-9);
    const of = total ? `/${fmt(total)} (${((100 * count) / total).toFixed(1)}%)` : '';
    const eta = total && rate > 0 ? `, ETA ${fmt(Math.max(0, (total - count) / rate))} s` : '';
    return `  ${label}: ${fmt(count)}${of} · ${fmt(rate)}/s${eta}${detail ? ` · ${detail(secs)}` : ''}`;
  };
  return {
    tick(n = 1) {
      count += n;
      const now = performance.now();
      if (now - last >= everyMs) {
        last = now;
        log(line(now));
      }
    },
    done() {
      return { count, seconds: (performance.now() - start) / 1000 };
    },
  };
}
