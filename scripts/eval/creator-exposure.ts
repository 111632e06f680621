// Inequality of exposure: the Gini coefficient and the Lorenz curve of how many top-k slots each
// creator got. Creators of the catalogue with no slot count as zeros, so a list that shows few
// creators is unequal even when it shows them evenly.

/** 0 when every value is equal, towards 1 when one holds everything; 0 for an empty or all-zero input. */
export function gini(values: readonly number[]): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const total = x.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0) return 0;
  const weighted = x.reduce((s, v, i) => s + (i + 1) * v, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export type LorenzPoint = [share: number, cumulative: number];

/**
 * The Lorenz curve as points (share of creators, share of slots), least exposed first, from (0, 0) to
 * (1, 1); more than `maxPoints` are thinned to evenly spaced ones (each still on the curve).
 */
export function lorenzCurve(values: readonly number[], maxPoints = 51): LorenzPoint[] {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const total = x.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0) return [[0, 0], [1, 1]];
  const cum = [0];
  for (const v of x) cum.push(cum.at(-1)! + v);
  const at = (i: number): LorenzPoint => [i / n, cum[i]! / total];
  if (n + 1 <= maxPoints) return cum.map((_, i) => at(i));
  return Array.from({ length: maxPoints }, (_, j) => at(Math.round((j * n) / (maxPoints - 1))));
}

/** Area between the diagonal and a Lorenz curve, doubled: the Gini coefficient read off the curve. */
export const giniOfCurve = (curve: readonly LorenzPoint[]) =>
  1 - 2 * curve.slice(1).reduce((s, [x, y], i) => s + ((x - curve[i]![0]) * (y + curve[i]![1])) / 2, 0);
