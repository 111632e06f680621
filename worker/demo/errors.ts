// Why the video catalogue could not be read. Every one extends CatalogueError, whose `reason` becomes
// the `fallback.reason` of GET /v1/catalogue: titles are a nicety, so the route answers 200 without them.

export class CatalogueError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The manifest publishes no catalogue, or R2 has no object at its key. */
export class CatalogueMissingError extends CatalogueError {
  constructor(detail: string) {
    super('no-catalogue', `no catalogue: ${detail}`);
  }
}

/** R2 failed while reading the catalogue (an outage, not a missing object). */
export class CatalogueFetchError extends CatalogueError {
  constructor(readonly key: string, cause: unknown) {
    super('catalogue-unavailable', `reading the catalogue '${key}' from R2 failed`, { cause });
  }
}

/** The bytes in R2 are not the ones the manifest sealed. */
export class CatalogueShaMismatchError extends CatalogueError {
  constructor(readonly key: string, readonly expected: string, readonly actual: string) {
    super('catalogue-sha-mismatch', `catalogue '${key}' has sha256 ${actual}, the manifest says ${expected}`);
  }
}

/** The sealed bytes do not decode: not gzip, or a line that is not a video. A publishing bug. */
export class CatalogueCorruptError extends CatalogueError {
  constructor(readonly key: string, detail: string, cause?: unknown) {
    super('catalogue-corrupt', `catalogue '${key}' is corrupt: ${detail}`, { cause });
  }
}
