// Per-task quality on a held-out slice. Post-click heads (like, finish, dislike, watch) predict
// conditional on a click, as they are trained, so they are scored on clicked rows only.
import { TASKS } from '../../models/candidates.js';
import { calibrate, fitCalibrator, type Calibrator, type CalibratorKind } from '../../models/calibration/calibrator.js';
import { ece } from '../../models/calibration/ece.js';
import { sigmoid } from '../../models/calibration/logit.js';
import { auc, logLoss, regression } from '../../models/metrics/classification.js';
import { TASK_OUTPUT, type Task } from '../../models/ranker/mmoe-weights.js';

export type TaskPredictions = Record<Task, Float32Array>;

/** Head outputs → predictions (probabilities; watch stays E[log(1+s)]). */
export function toPredictions(raw: Float32Array[]): TaskPredictions {
  return Object.fromEntries(TASKS.map((t, k) => [t, TASK_OUTPUT[t] === 'sigmoid' ? raw[k]!.map(sigmoid) : raw[k]!])) as TaskPredictions;
}

const column = (labels: Float32Array, task: Task) => {
  const k = TASKS.indexOf(task);
  return Float32Array.from({ length: labels.length / TASKS.length }, (_, i) => labels[i * TASKS.length + k]!);
};
const rowsWhere = (mask: Float32Array) => Array.from(mask.keys()).filter((i) => mask[i]! > 0.5);
const pick = (a: Float32Array, rows: number[]) => Float32Array.from(rows, (i) => a[i]!);

export type BinaryTaskReport = { rows: number; positives: number; auc: number; logloss: number; ece: number; ece_calibrated?: number };
export type RankerReport = Record<Exclude<Task, 'watch'>, BinaryTaskReport> & { watch: { rows: number; rmse: number; r2: number } };

/** The rows a head is judged on, with its predictions and labels. */
export function taskSlice(preds: TaskPredictions, labels: Float32Array, task: Task) {
  const click = column(labels, 'click');
  const rows = task === 'click' ? Array.from(click.keys()) : rowsWhere(click);
  return { p: pick(preds[task], rows), y: pick(column(labels, task), rows) };
}

export function evaluate(preds: TaskPredictions, labels: Float32Array, calibrators?: Partial<Record<Task, Calibrator>>): RankerReport {
  const out: Partial<RankerReport> = {};
  for (const task of TASKS) {
    const { p, y } = taskSlice(preds, labels, task);
    if (task === 'watch') {
      out.watch = { rows: p.length, ...regression(p, y) };
      continue;
    }
    const cal = calibrators?.[task];
    out[task] = {
      rows: p.length,
      positives: y.reduce((s, v) => s + v, 0),
      auc: auc(p, y),
      logloss: logLoss(p, y),
      ece: ece(p, y).ece,
      ...(cal && { ece_calibrated: ece(p.map((v) => calibrate(cal, v)), y).ece }),
    };
  }
  return out as RankerReport;
}

/** One calibrator per binary head, fitted on the calibration slice (never the training rows). */
export function fitCalibrators(preds: TaskPredictions, labels: Float32Array, kind: CalibratorKind): Partial<Record<Task, Calibrator>> {
  return Object.fromEntries(
    TASKS.filter((t) => TASK_OUTPUT[t] === 'sigmoid').map((t) => {
      const { p, y } = taskSlice(preds, labels, t);
      return [t, fitCalibrator(kind, p, y)];
    }),
  );
}
