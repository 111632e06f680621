// Named failures of calibration fitting and loading.
export class CalibrationError extends Error {
  override name = 'CalibrationError';
}
/** Not enough usable data to fit (empty slice, a single class, mismatched lengths). */
export class CalibrationDataError extends CalibrationError {
  override name = 'CalibrationDataError';
}
