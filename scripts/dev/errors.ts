// Errors of the local dev stack (gateway and redis-server management). Each gateway error carries the
// HTTP status the Upstash REST API uses for it, so the gateway answers the way Upstash would.

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A malformed request or a command Redis rejected (Upstash answers 400 with `{ error }`). */
export class BadRequestError extends GatewayError {
  constructor(message: string) {
    super(message, 400);
  }
}

/** Missing or wrong bearer token. */
export class UnauthorizedError extends GatewayError {
  constructor() {
    super('Unauthorized', 401);
  }
}

/** The redis-server behind the gateway did not answer (down, refused, timed out). */
export class RedisUnavailableError extends GatewayError {
  constructor(message: string) {
    super(message, 503);
  }
}

/** redis-server could not be found or did not come up. */
export class RedisServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisServerStartError';
  }
}
