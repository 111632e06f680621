// Device one-hot over the schema's fixed device list (exact, no hashing needed for five values).
import { DEVICES } from '../schemas.js';

export type Device = (typeof DEVICES)[number];
export const DEVICE_COUNT = DEVICES.length;

/** Writes the one-hot of `d` at out[at..at+5); an unknown device leaves all zeros. */
export function writeDeviceOneHot(out: Float32Array, at: number, d: Device | undefined): void {
  const i = d === undefined ? -1 : DEVICES.indexOf(d);
  if (i >= 0) out[at + i] = 1;
}
