// Medians of repeated runs: the machines are shared and noisy, so one run proves nothing.
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function repeat(runs: number, fn: () => Promise<number> | number): Promise<{ median: number; runs: number[] }> {
  const results: number[] = [];
  for (let i = 0; i < runs; i++) results.push(await fn());
  return { median: median(results), runs: results };
}
