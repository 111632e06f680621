// Candidates + session → the light model's input matrix [n × LIGHT_DIM], through the same
// `lightInputs` the trainer uses. A candidate the row cannot be built from is a LightInputError
// naming it, so the feed serves the heavy order instead of guessing a row.
import type { RankedItem } from '../../models/candidates.js';
import { LIGHT_DIM, lightInputs } from '../../models/light-ranker/layout.js';
import type { SessionView } from '../../models/light-ranker/session.js';
import { LightInputError } from './errors.js';

export type LightItem = Pick<RankedItem, 'category' | 'creator_id' | 'preds' | 'score' | 'upload_ts'>;

export function lightMatrix(items: readonly LightItem[], session: SessionView, nowMs: number): Float32Array {
  if (!Number.isFinite(nowMs)) throw new LightInputError('nowMs', `must be a finite epoch time in ms, got ${nowMs}`);
  const x = new Float32Array(items.length * LIGHT_DIM);
  items.forEach((item, i) => {
    if (!item.preds) throw new LightInputError(`items[${i}].preds`, 'the candidate list carries no heavy predictions for it');
    try {
      lightInputs({ ...item, preds: item.preds }, session, nowMs, x, i * LIGHT_DIM);
    } catch (cause) {
      throw new LightInputError(`items[${i}].preds`, cause instanceof Error ? cause.message : String(cause), { cause });
    }
  });
  return x;
}
