import { createHash } from 'node:crypto';

/** A short, stable, key-safe digest of arbitrary text (URLs, item keys) for use inside Redis key names. */
export const keyDigest = (text: string): string => createHash('sha1').update(text).digest('base64url').slice(0, 22);
