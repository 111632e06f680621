// How much one event says a viewer valued a video: the weight behind popularity and trending.
import { watchRatio, type Event } from '../../models/schemas.js';
import { engagementWeight } from '../config.js';

export function engagement(e: Event): number {
  const base = engagementWeight[e.type];
  return e.type === 'view' ? base + (watchRatio(e) ?? 0.3) : base;
}

/** Time decay as a factor relative to a fixed reference time, so sums can be rescaled at the end. */
export const decayFactor = (tsMs: number, refMs: number, halfLifeHours: number) =>
  Math.pow(2, (tsMs - refMs) / (halfLifeHours * 3_600_000));
