import { expect, it } from 'vitest';
import { chooseRegions } from './region.js';

it('uses the requested region alone', () => {
  expect(chooseRegions('eu', { country: 'US' }, 'us')).toEqual({ region: 'eu', tryRegions: ['eu'] });
});

it("guesses from the client's country, then continent, then the default", () => {
  expect(chooseRegions(undefined, { country: 'DE', continent: 'EU' }, 'us')).toEqual({ region: 'us', tryRegions: ['de', 'eu', 'us'] });
  expect(chooseRegions(undefined, { country: 'T1' }, 'us')).toEqual({ region: 'us', tryRegions: ['us'] });
});

it('never lists the global region: that is the last pipeline step', () => {
  expect(chooseRegions(undefined, undefined, 'global')).toEqual({ region: 'global', tryRegions: [] });
  expect(chooseRegions('global', undefined, 'us').tryRegions).toEqual([]);
});
