// The JSON body of the ingestion routes: at most INGEST_BODY_MAX_BYTES (413 past it, hono's
// bodyLimit), and a body that does not parse is a 400 on `body`.
import type { HonoRequest } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BadRequestError } from '../errors.js';
import { INGEST_BODY_MAX_BYTES } from './limits.js';

export const ingestBodyLimit = () =>
  bodyLimit({
    maxSize: INGEST_BODY_MAX_BYTES,
    onError: (c) =>
      c.json({ error: { code: 'payload_too_large', message: `the body must be at most ${INGEST_BODY_MAX_BYTES} bytes`, field: 'body' } }, 413),
  });

export async function readJsonBody(req: HonoRequest): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new BadRequestError('body', 'the body must be JSON', 'invalid_body');
  }
}
