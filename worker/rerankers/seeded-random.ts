// Seeded uniform draws for the randomised rerankers: the same seed (a hash of user id + page cursor)
// gives the same page, so a reload or a retried request shows what it showed before.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { skipN } from 'pure-rand/utils/skipN';

/** A source of uniform draws in (0, 1]: never 0, so a log of it is finite. */
export type Uniform = () => number;

// xoroshiro128+ seeded from 32 bits starts from a near-constant state (its first draw is close to 1
// for every seed); a few steps mix the seed through the whole state.
const WARMUP_STEPS = 16;

/** `seed` is read as a 32-bit integer, as pure-rand does. */
export function seededUniform(seed: number): Uniform {
  const rng = xoroshiro128plus(seed);
  skipN(rng, WARMUP_STEPS);
  return () => 1 - uniformFloat64(rng);
}
