// List-level metrics over every user's top-k slots of one list kind: catalogue coverage, novelty,
// popularity bias and creator-exposure inequality. A tally is fed one shown top-k at a time.
import { gini, lorenzCurve, type LorenzPoint } from './creator-exposure.js';
import type { Popularity } from './popularity.js';

export type Catalogue = {
  /** The videos that could be recommended (uploaded before the split). */
  videoIds: readonly string[];
  creatorOf: ReadonlyMap<string, string>;
};
export type SlotMetrics = {
  /** Top-k slots filled, over all users. */
  slots: number;
  /** Share of the catalogue in anyone's top k. */
  coverage: number;
  /** Mean self-information (−log2 train popularity) per slot. */
  novelty: number;
  /** Mean train-popularity percentile (0–100) per slot. */
  popularity_percentile: number;
  /** Gini of top-k slots per catalogue creator (zeros included). */
  creator_gini: number;
  creator_lorenz: LorenzPoint[];
};

export function slotTally(catalogue: Catalogue, popularity: Popularity) {
  const inCatalogue = new Set(catalogue.videoIds);
  const perCreator = new Map([...new Set(catalogue.creatorOf.values())].map((c) => [c, 0]));
  const covered = new Set<string>();
  let slots = 0;
  let information = 0;
  let percentile = 0;
  return {
    add(top: readonly string[]): void {
      for (const id of top) {
        slots++;
        if (inCatalogue.has(id)) covered.add(id);
        information += popularity.selfInformation(id);
        percentile += popularity.percentile(id);
        const creator = catalogue.creatorOf.get(id);
        if (creator !== undefined) perCreator.set(creator, (perCreator.get(creator) ?? 0) + 1);
      }
    },
    result(): SlotMetrics {
      const exposure = [...perCreator.values()];
      return {
        slots,
        coverage: inCatalogue.size === 0 ? 0 : covered.size / inCatalogue.size,
        novelty: information / Math.max(1, slots),
        popularity_percentile: percentile / Math.max(1, slots),
        creator_gini: gini(exposure),
        creator_lorenz: lorenzCurve(exposure),
      };
    },
  };
}
