// Configuration of ticker extraction (`tickers:` in config/*.yaml). Every field has a default, so
// `tickers: {}` is valid.
import { z } from 'zod';

const symbol = z.string().regex(/^~?[A-Za-z][A-Za-z0-9]{0,5}(?:[.\-/][A-Za-z]{1,2})?$/, 'a ticker such as AAPL or BRK.B (a leading ~ marks a common word)');

export const tickersSchema = z
  .object({
    /** Symbol file to load instead of the shipped data/symbols.json (aliases.json is read from its folder). */
    dictionary: z.string().min(1).optional(),
    /** Extra aliases, name → symbol, on top of data/aliases.json, e.g. `{ "Waymo": "GOOGL", "Square": "~XYZ" }`. */
    aliases: z.record(z.string().min(1), symbol).default({}),
    /** Extra words never taken as bare tickers, on top of the built-in stop-list. */
    stopWords: z.array(z.string().min(1).max(10)).default([]),
  })
  .strict()
  .default({});

export type TickersConfig = z.infer<typeof tickersSchema>;
