// OpenAPI parameters from the zod query schemas the routes parse with (worker/routes/query.ts), so
// the documented limits are the enforced ones.
import { z } from 'zod';
import type { JsonSchema, Parameter } from './types.js';

export type ParameterNotes = Record<string, string>;

/** One `in: query` parameter per property of `schema`, with its JSON Schema constraints. */
export function queryParameters(schema: z.ZodObject, notes: ParameterNotes = {}): Parameter[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(notes[name] && { description: notes[name] }),
    schema: property,
  }));
}

export function pathParameter(name: string, schema: z.ZodType, description: string): Parameter {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return { name, in: 'path', required: true, description, schema: json };
}
