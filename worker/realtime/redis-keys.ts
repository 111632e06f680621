// Every Redis key of the realtime state, in one place. All live under `rt:` so they never collide
// with anything else in the database.

export const eventIdKey = (eventId: string) => `rt:evt:${eventId}`;

export const seenKey = (userId: string) => `rt:seen:${userId}`;
export const dislikedVideosKey = (userId: string) => `rt:dv:${userId}`;
export const dislikedCreatorsKey = (userId: string) => `rt:dc:${userId}`;
export const followedCreatorsKey = (userId: string) => `rt:fc:${userId}`;
export const sessionKey = (userId: string) => `rt:sess:${userId}`;

/** `hour` is the UTC hour number (epoch ms / 3 600 000, floored). */
export const trendingBucketKey = (region: string, hour: number) => `rt:tr:${region}:${hour}`;
export const explorationKey = (videoId: string) => `rt:ex:${videoId}`;
/** Fields of the exploration hash. */
export const EXPLORATION_FIELDS = { impressions: 'i', engagements: 'e' } as const;

export const freshPoolKey = (region: string) => `rt:fresh:${region}`;
export const videoRefKey = (videoId: string) => `rt:vref:${videoId}`;
