// Named failures of the offline evaluation; scripts/eval.ts prints them without a stack trace.
export class EvalError extends Error {
  override name = 'EvalError';
}
/** The split leaves no train or no test day, or names a time that is not a day boundary. */
export class SplitError extends EvalError {
  override name = 'SplitError';
}
/** A staged build lacks a list file the evaluation reads. */
export class StagedListError extends EvalError {
  override name = 'StagedListError';
}
