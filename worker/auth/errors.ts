// Why a request was refused. The auth middleware answers these itself, in the error body every
// route uses (`{ error: { code, message, field? } }`), instead of throwing: thrown on /v1/feed, the
// error handler would turn them into the feed's fail-open 200.
import type { Context } from 'hono';

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 503,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No credential where one is required; `field` names the header to send. */
export class MissingCredentialError extends AuthError {
  constructor(field: string, message: string, code = 'missing_credential') {
    super(401, code, message, field);
  }
}

/** A credential was sent but is not accepted. */
export class InvalidCredentialError extends AuthError {
  constructor(field: string, message: string, code = 'invalid_credential') {
    super(401, code, message, field);
  }
}

/** The operator has not configured what the check needs; the message says how to set it. */
export class AuthNotConfiguredError extends AuthError {
  constructor(message: string) {
    super(503, 'auth_not_configured', message);
  }
}

/** The JSON answer for a refusal; a 401 carries the challenge RFC 9110 asks for. */
export function refuse(c: Context, err: AuthError, challenge = 'Bearer realm="edgefeed"') {
  const body = { error: { code: err.code, message: err.message, ...(err.field && { field: err.field }) } };
  if (err.status === 401) c.header('www-authenticate', challenge);
  c.header('cache-control', 'no-store');
  return c.json(body, err.status);
}
