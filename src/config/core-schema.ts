// Schema for the parts of the configuration the lead modules own: Redis, roles, pipeline, delivery, destinations,
// watchlists, Discord credentials, HTTP. Feed, market and signal sections have schemas of their own beside this file.
import { z } from 'zod';

export const roleNames = ['poll', 'stream', 'pipeline', 'deliver', 'http'] as const;
export type RoleName = (typeof roleNames)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'letters, digits, ".", "_" or "-" (at most 64)');
const ticker = z.string().regex(/^[A-Za-z][A-Za-z0-9.\-/]{0,9}$/, 'a ticker symbol such as AAPL or BRK.B');

export const redisSchema = z
  .object({
    /** Overridden by REDIS_URL. */
    url: z.string().regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
    /** Key prefix for every key and queue, so several deployments can share one Redis. */
    prefix: slug.default('squawk'),
  })
  .strict()
  .default({});

export const destinationSchema = z.discriminatedUnion('kind', [
  z.object({ id: slug, kind: z.literal('console') }).strict(),
  z.object({ id: slug, kind: z.literal('jsonl'), path: z.string().min(1) }).strict(),
]);
export type DestinationConfig = z.infer<typeof destinationSchema>;

export const watchlistSchema = z
  .object({
    id: slug,
    guild: z.string().min(1),
    name: z.string().min(1),
    destination: slug,
    minImportance: z.number().min(0).max(100).default(0),
    tickers: z.array(ticker).default([]),
  })
  .strict();

export const pipelineSchema = z
  .object({
    /** Concurrent `news` jobs per pipeline process (CPU-bound work, so a small number). */
    concurrency: z.number().int().min(1).max(256).default(16),
    /** How long decision records ("why was this alerted or not") are kept. */
    decisionTtlDays: z.number().min(1).max(365).default(7),
    /** Stories older than this at processing time are recorded but not alerted. */
    maxStoryAgeMinutes: z.number().min(1).default(24 * 60),
    /** A job whose worker died is handed to another worker after this long. */
    lockSeconds: z.number().min(1).max(600).default(30),
  })
  .strict()
  .default({});

export const deliverSchema = z
  .object({
    concurrency: z.number().int().min(1).max(256).default(8),
    attempts: z.number().int().min(1).max(50).default(10),
    backoffMs: z.number().int().min(10).default(1000),
    /** How long the sent ledger remembers a delivered alert. */
    ledgerTtlDays: z.number().min(1).max(365).default(14),
    /** A job whose worker died is handed to another worker after this long. */
    lockSeconds: z.number().min(1).max(600).default(30),
  })
  .strict()
  .default({});

export const discordSchema = z
  .object({
    /** Overridden by DISCORD_TOKEN; never logged. */
    token: z.string().optional(),
    /** Overridden by DISCORD_APPLICATION_ID. */
    applicationId: z.string().optional(),
  })
  .strict()
  .default({});

export const httpSchema = z
  .object({
    port: z.number().int().min(0).max(65535).default(8080),
    host: z.string().default('127.0.0.1'),
  })
  .strict()
  .default({});

export const shutdownSchema = z
  .object({ graceSeconds: z.number().min(1).max(600).default(15) })
  .strict()
  .default({});

export const logSchema = z
  .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
  .strict()
  .default({});
