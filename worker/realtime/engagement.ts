// The realtime trending counters weigh events exactly as the central trending job does.
export { ENGAGEMENT_WEIGHT, engagement } from '../../models/engagement.js';
