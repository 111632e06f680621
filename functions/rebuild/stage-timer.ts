// Wall time and peak resident memory of each rebuild stage, sampled while it runs (the process's
// own max RSS only ever grows, so it cannot tell stages apart).
export type StageTiming = { stage: string; seconds: number; peak_rss_mb: number };

const mb = (bytes: number) => Math.round(bytes / 1048576);

export async function timed<T>(stage: string, timings: StageTiming[], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  try {
    return await fn();
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    timings.push({ stage, seconds: Math.round((performance.now() - t0) / 10) / 100, peak_rss_mb: mb(peak) });
  }
}
