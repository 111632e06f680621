// Every dependency call runs under a time budget. Running out is an answer with a status, not an
// exception, so callers decide between fallback (fail open) and error (ratelimit-js `reason`).

export type Outcome<T> =
  | { status: 'ok'; value: T; ms: number }
  | { status: 'timeout'; ms: number; budgetMs: number }
  | { status: 'error'; error: unknown; ms: number };

export const elapsedMs = (since: number) => Math.round((performance.now() - since) * 10) / 10;

export async function withBudget<T>(budgetMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now();
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budgetMs);
  });
  try {
    const running = run(abort.signal);
    // A failure after the budget ran out has no one left to tell: keep it from surfacing as unhandled.
    running.catch(() => {});
    const value = await Promise.race([running, expired]);
    if (value === 'timeout') {
      abort.abort(new Error(`budget of ${budgetMs} ms exhausted`));
      return { status: 'timeout', ms: elapsedMs(started), budgetMs };
    }
    return { status: 'ok', value: value as T, ms: elapsedMs(started) };
  } catch (error) {
    return { status: 'error', error, ms: elapsedMs(started) };
  } finally {
    clearTimeout(timer);
  }
}

/** A short, loggable description of whatever was thrown. */
export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
