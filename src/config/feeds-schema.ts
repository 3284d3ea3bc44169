// Configuration for the feeds we poll and for how we fetch them. The config loader imports these schemas; every
// field has a default so `feeds: []` and an empty `fetch:` section are valid.
import { z } from 'zod';

/** One polled RSS/Atom feed. */
export const feedSchema = z.object({
  /** Slug used as the story source and in job ids, e.g. `globenewswire`. No `:` so `source:itemKey` stays splittable. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'feed id must be a lower-case slug: letters, digits, "-" or "_"'),
  url: z.string().url(),
  intervalSeconds: z.number().int().min(5).default(60),
  enabled: z.boolean().default(true),
  /** Overrides fetch.userAgent for this feed (some hosts want a browser-like agent, the SEC wants a contact). */
  userAgent: z.string().min(1).optional(),
  /** Extra request headers for this feed. */
  headers: z.record(z.string()).optional(),
  /** Overrides fetch.baselineMaxAgeMinutes for this feed's first poll. */
  baselineMaxAgeMinutes: z.number().min(0).optional(),
});

const hostLimitSchema = z.object({
  /** Requests to this host in flight at once, per poller process. */
  concurrency: z.number().int().min(1).default(2),
  /** Minimum time between the starts of two requests to this host, per poller process. */
  minSpacingMs: z.number().int().min(0).default(0),
});

/** The SEC allows 10 requests/second per user; stay well under it even with two feeds in flight. */
const builtInHostLimits: Record<string, HostLimit> = { 'www.sec.gov': { concurrency: 2, minSpacingMs: 110 } };

export const fetchSettingsSchema = z
  .object({
    /** Whole-request deadline: connect, headers and body together. */
    timeoutMs: z.number().int().min(100).default(10_000),
    /** Largest body accepted, counted after decompression. */
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    maxRedirects: z.number().int().min(0).max(20).default(5),
    userAgent: z.string().min(1).default('squawk/0.1 (+contact: set fetch.userAgent)'),
    perHost: z
      .object({
        default: hostLimitSchema.default({}),
        /** Per-host overrides, merged over the built-in ones (a configured host replaces its built-in entry). */
        hosts: z
          .record(hostLimitSchema)
          .default({})
          .transform((hosts) => ({ ...builtInHostLimits, ...hosts })),
      })
      .default({}),
    backoff: z
      .object({
        baseSeconds: z.number().min(1).default(30),
        maxSeconds: z.number().min(1).default(3600),
      })
      .default({}),
    /** A feed failing continuously for this long is reported unhealthy (it is still retried). */
    unhealthyAfterMinutes: z.number().min(1).default(30),
    /** On a feed's first successful poll only items at most this old are returned; older ones form the baseline. */
    baselineMaxAgeMinutes: z.number().min(0).default(30),
    /**
     * Spread feeds with one interval over it, by a hash of the URL, so they do not all fire at once. The price is a
     * first poll up to one interval after start; the demo turns it off.
     */
    spreadStarts: z.boolean().default(true),
  })
  .default({});

export const feedsSchema = z.array(feedSchema).default([]);

export type FeedConfig = z.infer<typeof feedSchema>;
export type FetchSettings = z.infer<typeof fetchSettingsSchema>;
export type HostLimit = z.infer<typeof hostLimitSchema>;
