// Periodic progress lines for long jobs: count, rate and (when the total is known) ETA. Lines, not a
// redrawn bar, so logs from CI and `npm start` stay readable.
export type Progress = { tick(n?: number): void; done(): { count: number; seconds: number } };

export function progress(label: string, opts: { total?: number; everyMs?: number; log?: (line: string) => void } = {}): Progress {
  const { total, everyMs = 2000, log = (l) => console.log(l) } = opts;
  const start = performance.now();
  let last = start;
  let count = 0;
  const line = (now: number) => {
    const secs = (now - start) / 1000;
    const rate = count / Math.max(secs, 1e-9);
    const pct = total ? ` ${((100 * count) / total).toFixed(1)}%` : '';
    const eta = total && rate > 0 ? `, ETA ${Math.max(0, (total - count) / rate).toFixed(0)} s` : '';
    return `  ${label}: ${count.toLocaleString('en')}${total ? `/${total.toLocaleString('en')}` : ''}${pct} (${Math.round(rate).toLocaleString('en')}/s${eta})`;
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
      const seconds = (performance.now() - start) / 1000;
      return { count, seconds };
    },
  };
}
