import { describe, expect, it } from 'vitest';
import { clusterVectors } from './clusters.js';

describe('clusterVectors', () => {
  it('puts points of well-separated blobs in one cluster per blob', () => {
    const centres = [[0, 0], [10, 0], [0, 10]];
    const rows: number[] = [];
    const blob: number[] = [];
    for (let i = 0; i < 90; i++) {
      const c = centres[i % 3]!;
      rows.push(c[0]! + Math.sin(i) * 0.3, c[1]! + Math.cos(i) * 0.3);
      blob.push(i % 3);
    }
    const ids = clusterVectors(Float32Array.from(rows), 2, { clusters: 3, sample: 90 });
    for (let b = 0; b < 3; b++) {
      const of = new Set(blob.flatMap((x, i) => (x === b ? [ids[i]] : [])));
      expect(of.size).toBe(1);
    }
    expect(new Set(ids).size).toBe(3);
  });

  it('assigns every row when fitting on a sample, and is reproducible', () => {
    const v = Float32Array.from({ length: 1000 * 4 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const a = clusterVectors(v, 4, { clusters: 8, sample: 100 });
    const b = clusterVectors(v, 4, { clusters: 8, sample: 100 });
    expect(a).toEqual(b);
    expect(Math.max(...a)).toBeLessThan(8);
  });
});
