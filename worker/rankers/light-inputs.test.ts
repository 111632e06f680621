import { describe, expect, it } from 'vitest';
import { LIGHT_DIM, lightInputs } from '../../models/light-ranker/layout.js';
import { LightInputError } from './errors.js';
import { NOW_MS, SESSION, seededItems } from './fixtures/candidates.js';
import { lightMatrix } from './light-inputs.js';

describe('lightMatrix', () => {
  it('writes one lightInputs row per candidate, in order', () => {
    const items = seededItems(7, 3);
    const x = lightMatrix(items, SESSION, NOW_MS);
    expect(x).toHaveLength(7 * LIGHT_DIM);
    items.forEach((item, i) => {
      const row = new Float32Array(LIGHT_DIM);
      lightInputs({ ...item, preds: item.preds! }, SESSION, NOW_MS, row);
      expect(x.subarray(i * LIGHT_DIM, (i + 1) * LIGHT_DIM)).toEqual(row);
    });
    expect(new Set(items.map((_, i) => x[i * LIGHT_DIM])).size).toBe(7); // rows differ: order is checked
  });

  it('names the candidate without heavy predictions, or with the wrong number of them', () => {
    const items = seededItems(4, 1);
    const { preds, ...noPreds } = items[2]!;
    expect(() => lightMatrix([items[0]!, items[1]!, noPreds], SESSION, NOW_MS)).toThrow(expect.objectContaining({ field: 'items[2].preds' }));
    expect(() => lightMatrix([items[0]!, { ...items[1]!, preds: preds!.slice(1) }], SESSION, NOW_MS)).toThrow(LightInputError);
    expect(() => lightMatrix(items, SESSION, Number.NaN)).toThrow(expect.objectContaining({ field: 'nowMs' }));
  });
});
