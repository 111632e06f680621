// Named failures of the central jobs; functions/run.ts prints them without a stack trace.
export class JobError extends Error {
  override name = 'JobError';
}
/** A publish or rollback refused before the served version changed. */
export class PublishError extends JobError {
  override name = 'PublishError';
}
export class UsageError extends JobError {
  override name = 'UsageError';
}
