import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from './dense.js';
import { DENSE_COLUMNS, DENSE_DIM, DENSE_FEATURES, DENSE_OFFSET, FEATURE_SPEC_VERSION, ID_SLOTS, mmoeEmbeddings } from './spec.js';

describe('feature spec', () => {
  it('lays columns out in spec order with one extractor per feature', () => {
    expect(DENSE_DIM).toBe(41); // 7 user + 7 behaviour + 8 video + 10 context + 9 cross
    expect(DENSE_COLUMNS).toHaveLength(DENSE_DIM);
    expect(Object.keys(EXTRACTORS).sort()).toEqual(DENSE_FEATURES.map((f) => f.name).sort());
    expect(new Set(DENSE_FEATURES.map((f) => f.name)).size).toBe(DENSE_FEATURES.length);
    let at = 0;
    for (const f of DENSE_FEATURES) expect(DENSE_OFFSET[f.name]).toBe((at += f.width) - f.width);
  });
  it('covers every group and maps each id slot to one embedding table', () => {
    expect(new Set(DENSE_FEATURES.map((f) => f.group))).toEqual(new Set(['user', 'behaviour', 'video', 'context', 'cross']));
    expect(mmoeEmbeddings().map((e) => e.name)).toEqual(ID_SLOTS.map((s) => s.name));
  });
  it('has a short versioned id', () => {
    expect(FEATURE_SPEC_VERSION).toMatch(/^fs-[0-9a-f]{8}$/);
  });
});
