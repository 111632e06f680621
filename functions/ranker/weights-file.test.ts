import { describe, expect, it } from 'vitest';
import { randomMmoeWeights } from '../../models/ranker/random-weights.js';
import { mmoeForward } from '../../models/ranker/forward.js';
import { seededInputs, TINY_CONFIG } from '../../models/ranker/fixtures.js';
import { WeightsFileError } from './errors.js';
import { decodeMmoeWeights, encodeMmoeWeights } from './weights-file.js';

describe('ranker weights file', () => {
  it('round-trips weights: the decoded model computes the same predictions', () => {
    const w = randomMmoeWeights(TINY_CONFIG, 5);
    const back = decodeMmoeWeights(encodeMmoeWeights(w));
    expect(back.config).toEqual(w.config);
    const input = seededInputs(TINY_CONFIG, 16, 2);
    expect(Array.from(mmoeForward(back, input).preds)).toEqual(Array.from(mmoeForward(w, input).preds));
  });
  it('refuses other bytes and truncated files', () => {
    const bytes = encodeMmoeWeights(randomMmoeWeights(TINY_CONFIG, 5));
    expect(() => decodeMmoeWeights(bytes.slice(0, bytes.length - 4))).toThrow(WeightsFileError);
    expect(() => decodeMmoeWeights(new Uint8Array(16))).toThrow(WeightsFileError);
  });
});
