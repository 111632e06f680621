// The fixed vocabulary of a synthetic world: categories, regions and their device mixes.
import type { DEVICES } from '../../models/schemas.js';

export const CATEGORIES = [
  'comedy', 'dance', 'food', 'pets', 'gaming', 'beauty', 'fashion', 'sports',
  'fitness', 'music', 'travel', 'diy', 'education', 'tech', 'cars', 'news',
  'parenting', 'art', 'nature', 'movies', 'anime', 'finance', 'health', 'vlog',
] as const;

/** Zipf-like popularity of categories: a few big ones (comedy, dance), a long tail. */
export const categoryPopularity = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, 0.7));

type Device = (typeof DEVICES)[number];
export type Region = { id: string; language: string; tzHours: number; share: number; devices: Record<Device, number> };

const mobileMix = (ios: number, web: number, tv: number): Record<Device, number> => ({
  ios,
  android: 1 - ios - web - tv - 0.01,
  web,
  tv,
  other: 0.01,
});

export const REGIONS: readonly Region[] = [
  { id: 'us', language: 'en', tzHours: -5, share: 0.22, devices: mobileMix(0.52, 0.1, 0.05) },
  { id: 'br', language: 'pt', tzHours: -3, share: 0.15, devices: mobileMix(0.15, 0.08, 0.03) },
  { id: 'in', language: 'hi', tzHours: 5, share: 0.18, devices: mobileMix(0.05, 0.06, 0.02) },
  { id: 'id', language: 'id', tzHours: 7, share: 0.1, devices: mobileMix(0.1, 0.05, 0.02) },
  { id: 'jp', language: 'ja', tzHours: 9, share: 0.1, devices: mobileMix(0.65, 0.1, 0.05) },
  { id: 'de', language: 'de', tzHours: 1, share: 0.09, devices: mobileMix(0.4, 0.15, 0.05) },
  { id: 'mx', language: 'es', tzHours: -6, share: 0.1, devices: mobileMix(0.2, 0.08, 0.03) },
  { id: 'ng', language: 'en', tzHours: 1, share: 0.06, devices: mobileMix(0.1, 0.05, 0.01) },
];

export const AGE_BUCKETS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const AGE_SHARES = [0.08, 0.3, 0.28, 0.17, 0.1, 0.07];

/** Relative chance a session starts at each local hour: low at night, peaks in the evening. */
export const HOURLY_SESSION_WEIGHT = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.55, 0.7, 0.7, 0.7, 0.75,
  0.9, 0.85, 0.75, 0.75, 0.8, 0.95, 1.1, 1.3, 1.45, 1.4, 1.1, 0.6,
];
