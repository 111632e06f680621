// Named failures of an import. A FormatError means the input is not the declared format at all: the
// import stops before anything is written. Row-level problems are not errors: they are rejects.

export class ImportError extends Error {
  override name = 'ImportError';
}

/** The input (or a side table) is not the declared format: wrong header, binary, not gzip... */
export class FormatError extends ImportError {
  override name = 'FormatError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** More rows were rejected than --max-errors allows; everything this import wrote is discarded. */
export class TooManyRejectsError extends ImportError {
  override name = 'TooManyRejectsError';
  constructor(readonly maxErrors: number) {
    super(`more than ${maxErrors} rejected rows (--max-errors ${maxErrors}): import aborted, nothing written`);
  }
}

/** Bad command line: unknown format, missing --input, non-numeric --max-errors. */
export class UsageError extends ImportError {
  override name = 'UsageError';
}

/** Thrown while mapping one row; the row becomes a reject with this reason, the import goes on. */
export class RowRejectError extends ImportError {
  override name = 'RowRejectError';
}
