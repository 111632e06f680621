// Exploration slots: a share of each page goes to fresh or under-exposed videos, picked by Thompson
// sampling on their {impressions, engagements} counters, so new uploads earn the exposure their
// counters need. Slots sit at fixed positions spread over the page (never the first); the draws are
// seeded by the caller (a hash of user id + page cursor), so the same page repeats on reload.
import { featureConfig } from '../../models/features/config.js';
import type { Candidate } from '../pipeline/types.js';
import { checkRange } from './errors.js';
import { seededUniform } from './seeded-random.js';
import { thompsonSamples, topArms, type ArmCounters, type BetaPrior } from './thompson.js';
import type { RerankContext, Reranker } from './types.js';

export const EXPLORING_REASON = 'exploring';

export type ExplorationConfig = {
  /** Fraction of the page given to exploration, at most 1/2 so no slot lands first. */
  share: number;
  /** From this page size on, a page gets at least one slot when the pool has an eligible video. */
  minPageForSlot: number;
  prior: BetaPrior;
};
// The prior is the global view rate worth 10 impressions: a video never shown is assumed typical.
const PRIOR_IMPRESSIONS = 10;
const { viewRate } = featureConfig.defaultPriors;
export const EXPLORATION_DEFAULTS: ExplorationConfig = {
  share: 0.1,
  minPageForSlot: 5,
  prior: { alpha: viewRate * PRIOR_IMPRESSIONS, beta: (1 - viewRate) * PRIOR_IMPRESSIONS },
};

export type ExplorationContext = RerankContext & {
  /** 32-bit seed of this page's draws. */
  seed: number;
  /** Fresh or under-exposed videos; their order only breaks equal draws. */
  pool: Candidate[];
  /** Counters by video id; a video without one has never been shown. */
  counters: ReadonlyMap<string, ArmCounters>;
  /** Videos this user has already seen. */
  seen: ReadonlySet<string>;
};

const NEVER_SHOWN: ArmCounters = { impressions: 0, engagements: 0 };

/** Page positions of the exploration slots: the centre of each of `slots` equal spans of the page. */
export function explorationSlots(n: number, share: number, eligible: number, minPageForSlot = EXPLORATION_DEFAULTS.minPageForSlot): number[] {
  // The epsilon keeps 0.29 × 100 at 29 slots, not 28, despite binary fractions.
  let slots = Math.floor(n * share + 1e-9);
  if (slots === 0 && n >= minPageForSlot) slots = 1;
  slots = Math.min(slots, eligible);
  return Array.from({ length: slots }, (_, k) => Math.floor(((k + 0.5) * n) / slots));
}

export function exploration(config: Partial<ExplorationConfig> = {}): Reranker<ExplorationContext> {
  const { share, minPageForSlot, prior } = { ...EXPLORATION_DEFAULTS, ...config };
  checkRange('Exploration', 'share', share, 0, 0.5);
  checkRange('Exploration', 'minPageForSlot', minPageForSlot, 2, Number.MAX_SAFE_INTEGER);
  checkRange('Exploration', 'prior.alpha', prior.alpha, Number.MIN_VALUE, Number.MAX_VALUE);
  checkRange('Exploration', 'prior.beta', prior.beta, Number.MIN_VALUE, Number.MAX_VALUE);
  return {
    name: 'Exploration',
    rerank(items, ctx) {
      const taken = new Set(items.slice(0, ctx.n).map((c) => c.video_id));
      const eligible: Candidate[] = [];
      for (const c of ctx.pool) {
        if (taken.has(c.video_id) || ctx.seen.has(c.video_id)) continue;
        taken.add(c.video_id);
        eligible.push(c);
      }
      const positions = explorationSlots(ctx.n, share, eligible.length, minPageForSlot);
      if (positions.length === 0) return items.slice();
      const samples = thompsonSamples(eligible.map((c) => ctx.counters.get(c.video_id) ?? NEVER_SHOWN), prior, seededUniform(ctx.seed));
      const explored = topArms(samples, positions.length).map((i) => ({ ...eligible[i]!, reason: EXPLORING_REASON }));
      // An explored video that also sits further down the stream moves up rather than showing twice.
      const chosen = new Set(explored.map((c) => c.video_id));
      const out = items.filter((c) => !chosen.has(c.video_id));
      // Ascending positions: each insert lands at its final index; a short stream takes them at its end.
      positions.forEach((p, k) => out.splice(Math.min(p, out.length), 0, explored[k]!));
      return out;
    },
  };
}
