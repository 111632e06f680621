// The light ranker's input layout, defined once: the trainer (functions/ranker/light.ts) and the edge
// call the same `lightInputs`, so training and serving cannot drift. Bump LIGHT_LAYOUT_VERSION on any
// change to the columns or their transforms; the exported model carries it and serving checks it.
import { storedPred, storedScore, storedUploadMinute, TASKS } from '../candidates.js';
import { LightLayoutMismatchError } from './errors.js';
import type { SessionView } from './session.js';

export const LIGHT_LAYOUT_VERSION = 'light-v1';

/** What the candidate list in KV stores: heavy preds in TASKS order, the heavy score, upload time. */
export const HEAVY_COLUMNS = [...TASKS.map((t) => `heavy_${t}`), 'heavy_score'] as const;
/** Known at request time without the heavy model: candidate age and the realtime session. */
export const CONTEXT_COLUMNS = [
  'log1p_age_hours',
  'recent_same_category_share',
  'recent_same_creator',
  'log1p_session_skips',
  'log1p_session_watches',
  'log1p_minutes_since_last_visit',
  'is_new_session',
] as const;
export const LIGHT_COLUMNS = [...HEAVY_COLUMNS, ...CONTEXT_COLUMNS] as const;
export const HEAVY_DIM = HEAVY_COLUMNS.length;
export const CONTEXT_DIM = CONTEXT_COLUMNS.length;
export const LIGHT_DIM = LIGHT_COLUMNS.length;

/** Age used when a list carries no upload time (older list format): one week. */
export const UNKNOWN_AGE_HOURS = 168;
/** Minutes-since-last-visit for a user never seen before, and the cap for everyone (30 days). */
export const MAX_VISIT_GAP_MINUTES = 30 * 24 * 60;

export type LightCandidate = {
  category: string;
  creator_id: string;
  /** Heavy predictions in TASKS order, as carried in the KV list. */
  preds: ArrayLike<number>;
  score: number;
  upload_ts?: number;
};

// Candidate fields pass through the KV codec's own quantisation (storedPred...), so training rows see
// exactly what serving reads from KV.
/** Columns [HEAVY_DIM, LIGHT_DIM): the part the replay captures at impression time. */
export function contextInputs(c: Omit<LightCandidate, 'preds' | 'score'>, s: SessionView, nowMs: number, out: Float32Array, at = 0): void {
  const ageHours = c.upload_ts === undefined ? UNKNOWN_AGE_HOURS : Math.max(0, nowMs - storedUploadMinute(c.upload_ts) * 60_000) / 3_600_000;
  const n = s.recent.length;
  const sameCat = n ? s.recent.filter((w) => w.category === c.category).length / n : 0;
  const sameCreator = s.recent.some((w) => w.creator_id === c.creator_id) ? 1 : 0;
  const visitMin = s.sinceLastVisitMs === null ? MAX_VISIT_GAP_MINUTES : Math.min(MAX_VISIT_GAP_MINUTES, s.sinceLastVisitMs / 60_000);
  out[at] = Math.log1p(ageHours);
  out[at + 1] = sameCat;
  out[at + 2] = sameCreator;
  out[at + 3] = Math.log1p(s.sessionSkips);
  out[at + 4] = Math.log1p(s.sessionWatches);
  out[at + 5] = Math.log1p(visitMin);
  out[at + 6] = s.isNewSession ? 1 : 0;
}

/** Columns [0, HEAVY_DIM): heavy preds and score as the KV list stores them. */
export function heavyInputs(preds: ArrayLike<number>, score: number, out: Float32Array, at = 0): void {
  if (preds.length !== TASKS.length) throw new LightLayoutMismatchError(`${TASKS.length} heavy preds`, `${preds.length}`);
  for (let t = 0; t < TASKS.length; t++) out[at + t] = storedPred(t, preds[t]!);
  out[at + TASKS.length] = storedScore(score);
}

/** One row of the light model's input `x` (LIGHT_DIM floats written at `out[at..]`). */
export function lightInputs(c: LightCandidate, s: SessionView, nowMs: number, out: Float32Array, at = 0): void {
  heavyInputs(c.preds, c.score, out, at);
  contextInputs(c, s, nowMs, out, at + HEAVY_DIM);
}

/** Training: the same row from heavy preds and a context captured earlier by `contextInputs`. */
export function lightInputsFromContext(preds: ArrayLike<number>, score: number, context: ArrayLike<number>, out: Float32Array, at = 0): void {
  heavyInputs(preds, score, out, at);
  for (let k = 0; k < CONTEXT_DIM; k++) out[at + HEAVY_DIM + k] = context[k]!;
}
