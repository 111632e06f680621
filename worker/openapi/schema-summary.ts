// One-line readings of JSON Schemas for the docs page: the type (with links to named components)
// and the constraints, e.g. `integer`, `1–100, default 20`.
import type { JsonSchema } from './types.js';

/** Text, or a reference to a component schema the page links to. */
export type SummaryPart = string | { ref: string };

const REF_PREFIX = '#/components/schemas/';
const asSchema = (v: unknown): JsonSchema => (v && typeof v === 'object' ? (v as JsonSchema) : {});
const join = (groups: SummaryPart[][], sep: string): SummaryPart[] => groups.flatMap((g, i) => (i === 0 ? g : [sep, ...g]));

export function typeParts(schema: JsonSchema): SummaryPart[] {
  if (typeof schema.$ref === 'string') return [{ ref: schema.$ref.slice(REF_PREFIX.length) }];
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return join(union.map(typeParts), ' or ');
  if (Array.isArray(schema.enum)) return [`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`];
  if ('const' in schema) return [JSON.stringify(schema.const)];
  const type = schema.type;
  if (Array.isArray(type)) return [type.join(' | ')];
  if (type === 'array') return ['array of ', ...typeParts(asSchema(schema.items))];
  if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return ['map of string to ', ...typeParts(asSchema(schema.additionalProperties))];
  }
  return [typeof type === 'string' ? type : 'any'];
}

const range = (min: unknown, max: unknown, unit: string) => {
  const suffix = unit ? ` ${unit}` : '';
  if (typeof min === 'number' && typeof max === 'number') return `${min}–${max}${suffix}`;
  if (typeof min === 'number') return `≥ ${min}${suffix}`;
  if (typeof max === 'number') return `≤ ${max}${suffix}`;
  return null;
};

export function constraints(schema: JsonSchema): string[] {
  const out = [
    range(schema.minLength, schema.maxLength, 'characters'),
    range(schema.minimum, schema.maximum, ''),
    range(schema.minItems, schema.maxItems, 'items'),
    typeof schema.exclusiveMinimum === 'number' ? `> ${schema.exclusiveMinimum}` : null,
    typeof schema.exclusiveMaximum === 'number' ? `< ${schema.exclusiveMaximum}` : null,
    typeof schema.format === 'string' ? `format ${schema.format}` : null,
    'default' in schema ? `default ${JSON.stringify(schema.default)}` : null,
  ];
  return out.filter((c): c is string => c !== null);
}
