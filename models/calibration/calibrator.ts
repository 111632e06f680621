// A fitted calibrator as a serialisable artifact: one JSON object per task head, validated by zod
// when loaded, applied at serving by `calibrate`.
import { z } from 'zod';
import { applyIsotonic, fitIsotonic, IsotonicSchema } from './isotonic.js';
import { applyPlatt, fitPlatt, PlattSchema } from './platt.js';

export const CalibratorSchema = z.discriminatedUnion('kind', [PlattSchema, IsotonicSchema]);
export type Calibrator = z.infer<typeof CalibratorSchema>;
export type CalibratorKind = Calibrator['kind'];

/** Fits on a held-out slice (never the rows the model was trained on). */
export const fitCalibrator = (kind: CalibratorKind, scores: ArrayLike<number>, labels: ArrayLike<number>): Calibrator =>
  kind === 'platt' ? fitPlatt(scores, labels) : fitIsotonic(scores, labels);

export const calibrate = (c: Calibrator, score: number): number => (c.kind === 'platt' ? applyPlatt(c, score) : applyIsotonic(c, score));

export const loadCalibrator = (json: unknown): Calibrator => CalibratorSchema.parse(json);
