// Top k entries of a score map, best first, ties broken by id so builds are reproducible.
export function topK(scores: Iterable<[string, number]>, k: number, keep: (id: string) => boolean = () => true): [string, number][] {
  const out: [string, number][] = [];
  for (const entry of scores) if (keep(entry[0])) out.push(entry);
  out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return out.slice(0, k);
}
