// Readable stand-in names for KuaiRand's numeric tag ids. The dataset publishes ids only; these names
// are invented labels so logs and UIs read naturally, not the real meaning of the tags.
const NAMES = [
  'lifestyle', 'comedy', 'music', 'dance', 'food', 'pets', 'gaming', 'beauty', 'fashion', 'sports',
  'fitness', 'travel', 'diy', 'education', 'tech', 'cars', 'news', 'parenting', 'art', 'nature',
  'movies', 'anime', 'finance', 'health', 'vlog', 'farming', 'fishing', 'crafts', 'magic', 'science',
  'history', 'military', 'celebrity', 'drama', 'romance', 'family', 'rural', 'cooking', 'baking', 'street',
  'memes', 'kids', 'school', 'career', 'home', 'garden', 'photography', 'painting', 'calligraphy', 'opera',
  'karaoke', 'livestream', 'esports', 'basketball', 'football', 'martial-arts', 'outdoors', 'camping', 'boats', 'trucks',
  'phones', 'gadgets', 'shopping', 'deals', 'skincare', 'makeup', 'hair', 'weddings', 'babies', 'elders',
];

/** Stand-in category name of a KuaiRand tag id ("tag 39" → a fixed name); empty tags are 'misc'. */
export const kuairandTagName = (tag: string): string => {
  const id = Number(tag);
  if (tag.trim() === '' || !Number.isInteger(id) || id < 0) return 'misc';
  return NAMES[id] ?? `tag-${id}`;
};
