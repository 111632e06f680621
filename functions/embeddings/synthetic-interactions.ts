// Seeded interactions with planted low-rank structure (users and items in latent clusters), for tests
// and benchmarks: a user mostly interacts with items of their own cluster, plus a little noise.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Interaction } from './interactions.js';

export interface SyntheticSpec {
  users: number;
  items: number;
  clusters: number;
  perUser: number;
  /** Share of a user's interactions drawn from any item instead of their cluster. */
  noise: number;
  seed: number;
}

/** Returns per-user lists of interactions (distinct items per user), weight 1 each. */
export function syntheticInteractions(s: SyntheticSpec): Interaction[][] {
  const rng = xoroshiro128plus(s.seed);
  const below = (n: number) => Math.floor(uniformFloat64(rng) * n);
  const perCluster = Math.floor(s.items / s.clusters);
  // Item popularity inside a cluster is skewed (square of a uniform) so popularity is a real baseline.
  const skewed = () => Math.floor(uniformFloat64(rng) ** 2 * perCluster);
  return Array.from({ length: s.users }, (_, user) => {
    const cluster = user % s.clusters;
    const seen = new Set<number>();
    for (let tries = 0; seen.size < s.perUser && tries < s.perUser * 20; tries++)
      seen.add(uniformFloat64(rng) < s.noise ? below(s.items) : cluster * perCluster + skewed());
    return [...seen].map((item) => ({ user, item, weight: 1 }));
  });
}

/** Splits each user's list: the last `heldOut` share goes to the test set. */
export function splitHoldout(lists: Interaction[][], heldOut: number): { train: Interaction[]; test: Interaction[] } {
  const train: Interaction[] = [], test: Interaction[] = [];
  for (const l of lists) {
    const cut = Math.round(l.length * (1 - heldOut));
    train.push(...l.slice(0, cut));
    test.push(...l.slice(cut));
  }
  return { train, test };
}
