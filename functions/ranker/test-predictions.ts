// Name of the held-out predictions file a ranker build keeps beside its artifacts (read by the
// ranker-vs-oracle evaluation in scripts/eval).
export const TEST_PREDICTIONS_FILE = 'test-predictions.ndjson.gz';
