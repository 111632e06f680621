import { describe, expect, it } from 'vitest';
import { kindMetrics } from './kind-metrics.js';
import { METRIC_DEFINITIONS } from './metric-definitions.js';
import { metricsTable } from './metrics-table.js';
import { trainPopularity } from './popularity.js';

describe('metricsTable', () => {
  it('prints a row per metric and cutoff, a column per kind, — for a kind not measured', () => {
    const m = kindMetrics([1, 2], { videoIds: ['a', 'b'], creatorOf: new Map([['a', 'x'], ['b', 'y']]) }, trainPopularity(new Map(), 1, ['a', 'b']));
    m.add(['b', 'a'], undefined, new Map([['a', 2]]));
    const lines = metricsTable({ lists: m.result(), oracle: null }, [1, 2]);
    expect(lines).toHaveLength(1 + 2 * METRIC_DEFINITIONS.length);
    expect(lines[0]).toMatch(/^metric\s+lists\s+oracle$/);
    // a at rank 2: MRR@1 0, MRR@2 0.5.
    expect(lines.find((l) => l.startsWith('MRR@1 '))).toMatch(/\s0\.0000\s+—$/);
    expect(lines.find((l) => l.startsWith('MRR@2 '))).toMatch(/\s0\.5000\s+—$/);
  });
});
