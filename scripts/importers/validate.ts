// zod validation of everything an import writes, with rejects that name the failing field.
import type { z } from 'zod';

/** The reason of the first issue, grouped by field path (values are left out so reasons group). */
export function schemaReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'schema: invalid';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(row)';
  return `schema: ${path}: ${issue.message}`;
}
