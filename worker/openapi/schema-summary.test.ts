import { describe, expect, it } from 'vitest';
import { constraints, typeParts } from './schema-summary.js';

describe('typeParts', () => {
  it('reads types, unions, enums, arrays, maps and references', () => {
    expect(typeParts({ type: 'integer' })).toEqual(['integer']);
    expect(typeParts({ type: ['string', 'null'] })).toEqual(['string | null']);
    expect(typeParts({ enum: ['0', '1'] })).toEqual(['one of "0", "1"']);
    expect(typeParts({ type: 'array', items: { $ref: '#/components/schemas/Item' } })).toEqual(['array of ', { ref: 'Item' }]);
    expect(typeParts({ anyOf: [{ type: 'integer' }, { type: 'string' }] })).toEqual(['integer', ' or ', 'string']);
    expect(typeParts({ type: 'object', additionalProperties: { type: 'number' } })).toEqual(['map of string to ', 'number']);
    expect(typeParts({})).toEqual(['any']);
  });
});

describe('constraints', () => {
  it('reads lengths, ranges, bounds, formats and defaults', () => {
    expect(constraints({ type: 'integer', minimum: 1, maximum: 100, default: 20 })).toEqual(['1–100', 'default 20']);
    expect(constraints({ type: 'string', minLength: 2, maxLength: 16 })).toEqual(['2–16 characters']);
    expect(constraints({ type: 'string', maxLength: 512 })).toEqual(['≤ 512 characters']);
    expect(constraints({ type: 'number', exclusiveMinimum: 0, maximum: 86400 })).toEqual(['≤ 86400', '> 0']);
    expect(constraints({ type: 'array', minItems: 1, maxItems: 500 })).toEqual(['1–500 items']);
    expect(constraints({ type: 'string', format: 'date-time' })).toEqual(['format date-time']);
  });
});
