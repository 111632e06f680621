// The quality bar of the rebuild's lists, on NDCG@k: at least 1.5× regional trending (personalisation
// pays) and at least 70% of the oracle that knows the true latents (headroom left is bounded).
export const QUALITY_BAR = { listsVsTrending: 1.5, listsVsOracle: 0.7 } as const;

export type Ratio = { ratio: number | null; bar: number; pass: boolean };
export type Verdict = { metric: 'ndcg'; lists_vs_trending: Ratio; lists_vs_oracle: Ratio | null; pass: boolean };

// A ratio that lands on the bar passes: 0.15 / 0.1 is 1.4999999999999998 in floating point.
const EPS = 1e-12;

/** lists / base; a zero base gives null, passing only when the lists score above it. */
export function ratio(lists: number, base: number, bar: number): Ratio {
  if (base > 0) return { ratio: lists / base, bar, pass: lists / base >= bar - EPS };
  return { ratio: null, bar, pass: lists > 0 };
}

/** `oracle` is null for worlds without truth (imported logs): the bar cannot pass there. */
export function verdict(lists: number, trending: number, oracle: number | null): Verdict {
  const vsTrending = ratio(lists, trending, QUALITY_BAR.listsVsTrending);
  const vsOracle = oracle === null ? null : ratio(lists, oracle, QUALITY_BAR.listsVsOracle);
  return { metric: 'ndcg', lists_vs_trending: vsTrending, lists_vs_oracle: vsOracle, pass: vsTrending.pass && vsOracle !== null && vsOracle.pass };
}
