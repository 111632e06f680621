// How much one event says a viewer valued a video (models/engagement.ts, shared with the edge), and
// the time decay of trending.
export { engagement } from '../../models/engagement.js';

/** Time decay as a factor relative to a fixed reference time, so sums can be rescaled at the end. */
export const decayFactor = (tsMs: number, refMs: number, halfLifeHours: number) =>
  Math.pow(2, (tsMs - refMs) / (halfLifeHours * 3_600_000));
