// Query-string validation: every bad parameter becomes a 400 naming its field.
import { z } from 'zod';
import { CURSOR_MAX_CHARS, FEED_PAGE_SIZE_DEFAULT, FEED_PAGE_SIZE_MAX, ID_MAX_CHARS, REGION_MAX_CHARS } from '../config.js';
import { BadRequestError } from '../errors.js';

const pageSize = z.coerce
  .number({ error: 'n must be a number' })
  .int({ error: 'n must be an integer' })
  .min(1, { error: `n must be between 1 and ${FEED_PAGE_SIZE_MAX}` })
  .max(FEED_PAGE_SIZE_MAX, { error: `n must be between 1 and ${FEED_PAGE_SIZE_MAX}` })
  .default(FEED_PAGE_SIZE_DEFAULT);
const region = z
  .string()
  .min(2, { error: 'region must be 2 to 16 characters' })
  .max(REGION_MAX_CHARS, { error: 'region must be 2 to 16 characters' })
  .optional();
const debug = z.enum(['0', '1', 'true', 'false'], { error: 'debug must be 0 or 1' }).optional();

export const FeedParams = z.object({
  user_id: z
    .string({ error: 'user_id is required' })
    .min(1, { error: 'user_id is required' })
    .max(ID_MAX_CHARS, { error: `user_id must be at most ${ID_MAX_CHARS} characters` }),
  n: pageSize,
  region,
  cursor: z.string().min(1, { error: 'cursor is empty' }).max(CURSOR_MAX_CHARS, { error: 'cursor is too long' }).optional(),
  debug,
});
export const TrendingParams = z.object({ n: pageSize, region, debug });
export const RelatedParams = z.object({
  user_id: z.string().min(1, { error: 'user_id is empty' }).max(ID_MAX_CHARS, { error: `user_id must be at most ${ID_MAX_CHARS} characters` }).optional(),
  n: pageSize,
  region,
  cursor: FeedParams.shape.cursor,
  debug,
});
export const VideoIdParam = z
  .string()
  .min(1, { error: 'video id is required' })
  .max(ID_MAX_CHARS, { error: `video id must be at most ${ID_MAX_CHARS} characters` });

export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BadRequestError(String(issue?.path[0] ?? 'query'), issue?.message ?? 'invalid query');
}

export const isDebug = (flag: string | undefined) => flag === '1' || flag === 'true';
