// The light ranker as a feed Scorer: items carrying heavy predictions get the light model's click
// estimate blended into their heavy score (blend.ts); items without (trending top-ups) cannot be
// light-scored and go after the scored ones, in stream order. A failure throws a LightScoringError
// and the pipeline's fail-open policy keeps the heavy order.
import { TASKS } from '../../models/candidates.js';
import type { SessionView } from '../../models/light-ranker/session.js';
import type { Scorer } from '../pipeline/types.js';
import { blendItems } from './blend.js';
import type { LightScorer } from './light-scorer.js';

export type LightQuery = { realtime: { session: SessionView } | null; nowMs: number };

/** What a user never seen before looks like to the light ranker. */
const NO_SESSION: SessionView = { recent: [], sessionSkips: 0, sessionWatches: 0, sinceLastVisitMs: null, isNewSession: true };

export const lightRanker = <Q extends LightQuery>(light: Pick<LightScorer, 'score'>, blendWeight: number): Scorer<Q> => ({
  name: 'LightRanker',
  async score(candidates, query) {
    const rows = candidates.flatMap((c, i) => (c.preds?.length === TASKS.length ? [i] : []));
    const items = rows.map((i) => candidates[i]!);
    const blended = blendItems(await light.score(items, query.realtime?.session ?? NO_SESSION, query.nowMs), items, blendWeight);
    const out = new Float64Array(candidates.length);
    const floor = rows.length > 0 ? Math.min(...blended) - 1 : 0;
    candidates.forEach((c, i) => (out[i] = floor - i * 1e-6));
    rows.forEach((row, k) => (out[row] = blended[k]!));
    return out;
  },
});
