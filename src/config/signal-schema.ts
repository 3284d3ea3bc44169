// Configuration of the signal stages: sentiment threshold, source credibility, importance thresholds per
// destination, and near-duplicate clustering. Every field has a default, so `signal: {}` is valid.
import { z } from 'zod';

const unit = z.number().min(0).max(1);
const score = z.number().min(0).max(100);

export const signalSchema = z
  .object({
    sentiment: z
      .object({
        /** Evidence needed before a story is called positive or negative (higher = more neutral labels). */
        threshold: z.number().min(0.05).max(5).default(0.45),
      })
      .strict()
      .default({}),
    /** Source id → credibility 0..1, merged over the built-in tiers (filings and wires 1, majors 0.9, …). */
    sourceCredibility: z.record(z.string().min(1), unit).default({}),
    importance: z
      .object({
        /** Minimum importance (0-100) for an alert when the destination has no threshold of its own. */
        default: score.default(40),
        /** Destination id → minimum importance, e.g. `{ vip: 70 }`. */
        destinations: z.record(z.string().min(1), score).default({}),
      })
      .strict()
      .default({}),
    cluster: z
      .object({
        /** Near-duplicates fold into one story within this many hours. */
        windowHours: z.number().positive().max(24 * 14).default(48),
        /** Lifetime of cluster keys in Redis; default is the window plus six hours. */
        ttlSeconds: z.number().int().positive().optional(),
        /** Title similarity (0..1) at which two stories are the same. */
        titleThreshold: unit.default(0.5),
        /** A lower title similarity is enough when the leads agree at least `leadThreshold`. */
        titleWithLeadThreshold: unit.default(0.3),
        leadThreshold: unit.default(0.5),
        /** Meaning similarity of the titles' content words (through word vectors) at which two stories are the same. */
        meaningThreshold: unit.default(0.55),
      })
      .strict()
      .default({}),
  })
  .strict()
  .default({});

export type SignalConfig = z.infer<typeof signalSchema>;
