// Training rows packed into flat typed arrays (row-major), the form the trainer and the exporters
// take. Rows arrive in impression time order, so a time split is a pair of cut points.
import { TASKS } from '../../models/candidates.js';
import type { TrainingRow } from '../../models/features/training-rows.js';
import { DENSE_DIM, ID_SLOT_COUNT } from '../../models/features/spec.js';
import { CONTEXT_DIM } from '../../models/light-ranker/layout.js';

export type RankerDataset = {
  n: number;
  dense: Float32Array; // n × DENSE_DIM, raw until normalised
  ids: Int32Array; // n × ID_SLOT_COUNT
  position: Float32Array;
  labels: Float32Array; // n × TASKS.length, in TASKS order
  ts: Float64Array;
  /** n × CONTEXT_DIM light-ranker context captured at impression time (models/light-ranker/capture.ts). */
  light?: Float32Array;
  /** Who saw what, for reports joined with other data (the generator's truth). */
  users: string[];
  videos: string[];
};

const empty = (rows: number): RankerDataset => ({
  n: 0,
  dense: new Float32Array(rows * DENSE_DIM),
  ids: new Int32Array(rows * ID_SLOT_COUNT),
  position: new Float32Array(rows),
  labels: new Float32Array(rows * TASKS.length),
  ts: new Float64Array(rows),
  light: new Float32Array(rows * CONTEXT_DIM),
  users: [],
  videos: [],
});

export function datasetBuilder(initialRows = 1024) {
  let capacity = initialRows;
  const d = empty(capacity);
  return {
    /** `light`: the row's captured light context; rows pushed without one keep zeros there. */
    push(row: TrainingRow, light?: Float32Array) {
      if (d.n === capacity) {
        capacity *= 2;
        const bigger = empty(capacity);
        bigger.dense.set(d.dense), bigger.ids.set(d.ids), bigger.position.set(d.position), bigger.labels.set(d.labels), bigger.ts.set(d.ts), bigger.light!.set(d.light!);
        Object.assign(d, { ...bigger, n: d.n, users: d.users, videos: d.videos });
      }
      const i = d.n++;
      d.dense.set(row.dense, i * DENSE_DIM);
      d.ids.set(row.ids, i * ID_SLOT_COUNT);
      d.position[i] = row.position;
      TASKS.forEach((t, k) => (d.labels[i * TASKS.length + k] = row.labels[t]));
      d.ts[i] = row.ts;
      d.users.push(row.user_id);
      d.videos.push(row.video_id);
      if (light) d.light!.set(light, i * CONTEXT_DIM);
    },
    build: (): RankerDataset => sliceRows(d, 0, d.n),
  };
}

/** Rows [from, to) as a dataset sharing no memory with the source. */
export function sliceRows(d: RankerDataset, from: number, to: number): RankerDataset {
  return {
    n: to - from,
    dense: d.dense.slice(from * DENSE_DIM, to * DENSE_DIM),
    ids: d.ids.slice(from * ID_SLOT_COUNT, to * ID_SLOT_COUNT),
    position: d.position.slice(from, to),
    labels: d.labels.slice(from * TASKS.length, to * TASKS.length),
    ts: d.ts.slice(from, to),
    ...(d.light && { light: d.light.slice(from * CONTEXT_DIM, to * CONTEXT_DIM) }),
    users: d.users.slice(from, to),
    videos: d.videos.slice(from, to),
  };
}

/**
 * Time split: train on the past, calibrate on the slice after it, test on the latest. Cut points fall
 * on timestamps (first row at or after each quantile's time) so no instant straddles two slices.
 */
export function timeSplit(d: RankerDataset, fractions = { calibration: 0.1, test: 0.2 }) {
  const cut = (q: number) => {
    let i = Math.floor(d.n * q);
    while (i > 0 && i < d.n && d.ts[i] === d.ts[i - 1]) i++;
    return Math.min(i, d.n);
  };
  const a = cut(1 - fractions.test - fractions.calibration);
  const b = Math.max(a, cut(1 - fractions.test));
  return { train: sliceRows(d, 0, a), calibration: sliceRows(d, a, b), test: sliceRows(d, b, d.n) };
}
