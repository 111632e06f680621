import { describe, expect, it } from 'vitest';
import { DENSE_DIM, ID_SLOT_COUNT } from '../../models/features/spec.js';
import type { TrainingRow } from '../../models/features/training-rows.js';
import { CONTEXT_DIM } from '../../models/light-ranker/layout.js';
import { datasetBuilder, timeSplit } from './dataset.js';

const row = (i: number, ts: number): TrainingRow => ({
  dense: new Float32Array(DENSE_DIM).fill(i),
  ids: new Int32Array(ID_SLOT_COUNT).fill(i),
  position: i % 7,
  ts,
  user_id: `u${i}`,
  video_id: `v${i}`,
  labels: { click: i % 2, watch: i / 10, like: 0, finish: 0, dislike: 1 },
});

describe('ranker dataset', () => {
  it('packs rows across growth, keeping every column in place', () => {
    const b = datasetBuilder(2);
    for (let i = 0; i < 9; i++) b.push(row(i, 1000 + i));
    const d = b.build();
    expect(d.n).toBe(9);
    expect(d.dense[8 * DENSE_DIM]).toBe(8);
    expect(d.ids[5 * ID_SLOT_COUNT + 1]).toBe(5);
    expect(Array.from(d.labels.slice(3 * 5, 4 * 5))).toEqual([1, Math.fround(0.3), 0, 0, 1]);
    expect(Array.from(d.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1]);
  });

  it('splits by time into past / calibration / future, never cutting inside one instant', () => {
    const b = datasetBuilder();
    const ts = [1, 2, 3, 4, 5, 6, 7, 7, 7, 10];
    ts.forEach((t, i) => b.push(row(i, t)));
    const { train, calibration, test } = timeSplit(b.build(), { calibration: 0.2, test: 0.2 });
    expect(Array.from(train.ts)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(calibration.ts)).toEqual([7, 7, 7]);
    expect(Array.from(test.ts)).toEqual([10]);
  });
  it('carries the captured light context through growth and slicing (zeros when a row has none)', () => {
    const b = datasetBuilder(2);
    for (let i = 0; i < 5; i++) b.push(row(i, 100 + i), i === 2 ? undefined : new Float32Array(CONTEXT_DIM).fill(i + 0.5));
    const d = b.build();
    expect(d.light).toHaveLength(5 * CONTEXT_DIM);
    expect(d.light![4 * CONTEXT_DIM]).toBe(4.5);
    expect(d.light![2 * CONTEXT_DIM]).toBe(0);
    const { test } = timeSplit(d, { calibration: 0, test: 0.4 });
    expect(Array.from(test.light!)).toEqual([...new Array(CONTEXT_DIM).fill(3.5), ...new Array(CONTEXT_DIM).fill(4.5)]);
  });
});
