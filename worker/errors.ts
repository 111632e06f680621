// Errors a request can end with. app.onError maps each to its HTTP status and the JSON body
// `{ error: { code, message, field? } }`.

export class EdgefeedHttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 500 | 503,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A query parameter the client must fix; `field` names it. */
export class BadRequestError extends EdgefeedHttpError {
  constructor(field: string, message: string, code = 'invalid_parameter') {
    super(400, code, message, field);
  }
}

export class NotFoundError extends EdgefeedHttpError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}
