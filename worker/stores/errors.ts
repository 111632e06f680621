// Store failures. Sources catch these under their fail-open policy; a route outside the feed lets
// them reach app.onError (503 for an outage, 500 for a corrupt value: that is a bug upstream).

export class StoreError extends Error {
  constructor(
    readonly store: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${store}: ${message}`, options);
    this.name = new.target.name;
  }
}

/** The store did not answer within its time budget. */
export class StoreTimeoutError extends StoreError {
  constructor(store: string, readonly budgetMs: number) {
    super(store, `no answer within ${budgetMs} ms`);
  }
}

/** The store answered with an error or could not be reached. */
export class StoreUnavailableError extends StoreError {}

/** A stored value does not parse against its schema: a publishing bug or corruption, never a miss. */
export class CorruptValueError extends StoreError {
  constructor(store: string, readonly key: string, cause: unknown) {
    super(store, `value at '${key}' does not match its schema`, { cause });
  }
}
