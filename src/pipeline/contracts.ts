// Queue contracts: every queue's name and the one zod schema of its payload. Producers build payloads with these
// types; processors safeParse and fail a bad payload without retrying it.
import { z } from 'zod';
import { feedSchema } from '../config/feeds-schema.js';
import type { Alert } from '../alerts/alert.js';

export const queueNames = {
  /** Published by: job schedulers (one per feed). Consumed by: the poll role. */
  poll: 'poll',
  /** Published by: the poll role and news streams, one job per new item. Consumed by: the pipeline role. */
  news: 'news',
  /** Published by: the pipeline role, one job per alert × destination. Consumed by: the deliver role. */
  deliver: 'deliver',
  /** Published by: the pipeline role, delayed 1, 5 and 15 min after an alert. Consumed by: the pipeline role. */
  confirm: 'confirm',
} as const;
export type QueueName = (typeof queueNames)[keyof typeof queueNames];

/** `poll`: poll one feed now. The feed's settings travel with the job, so any poller process can poll any feed. */
export const pollJobSchema = z.object({ feedId: z.string().min(1), feed: feedSchema });
export type PollJob = z.infer<typeof pollJobSchema>;

const rawItemSchema = z.object({
  guid: z.string().optional(),
  title: z.string().optional(),
  link: z.string().optional(),
  summary: z.string().optional(),
  body: z.string().optional(),
  published: z.string().optional(),
  categories: z.array(z.string()).optional(),
  tickers: z.array(z.string()).optional(),
  author: z.string().optional(),
});

/** `news`: one item from a feed or a news stream, as read (cleaning happens in the pipeline). */
export const newsJobSchema = z.object({
  source: z.string().min(1),
  itemKey: z.string().min(1),
  raw: rawItemSchema,
  /** Epoch ms when the poller or stream saw the item; the start of the alert-latency clock. */
  receivedAt: z.number(),
});
export type NewsJob = z.infer<typeof newsJobSchema>;

const sentimentSchema = z.object({ label: z.enum(['positive', 'negative', 'neutral']), score: z.number() });

export const alertSchema: z.ZodType<Alert> = z.object({
  alertId: z.string().min(1),
  storyId: z.string().min(1),
  clusterId: z.string().min(1),
  source: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  publishedAt: z.string(),
  event: z.string().nullable(),
  sentiment: sentimentSchema,
  importance: z.number(),
  tickers: z.array(
    z.object({
      symbol: z.string(),
      primary: z.boolean(),
      relevance: z.number(),
      importance: z.number(),
      sentiment: sentimentSchema,
    }),
  ),
  priceAction: z.array(z.object({ symbol: z.string(), line: z.string(), stale: z.boolean() })),
  receivedAt: z.number(),
});
export type { Alert };

const routeSchema = z.object({ destination: z.string().min(1), matched: z.array(z.string()) });

export const confirmationSchema = z.object({
  symbol: z.string(),
  horizonMinutes: z.union([z.literal(1), z.literal(5), z.literal(15)]),
  returnPct: z.number(),
  zScore: z.number().nullable(),
  volumeRatio: z.number().nullable(),
  reason: z.string(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

/** `deliver`: send one alert to one destination, or an update of an alert already sent there. */
export const deliverJobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('alert'),
    destination: z.string().min(1),
    /** Tickers of this alert that the destination's watchlists matched. */
    matched: z.array(z.string()),
    alert: alertSchema,
  }),
  z.object({
    kind: z.literal('confirmation'),
    destination: z.string().min(1),
    alertId: z.string().min(1),
    title: z.string(),
    confirmation: confirmationSchema,
  }),
]);
export type DeliverJob = z.infer<typeof deliverJobSchema>;

/** `confirm`: judge the market's move on one symbol some minutes after an alert. */
export const confirmJobSchema = z.object({
  alertId: z.string().min(1),
  title: z.string(),
  symbol: z.string().min(1),
  /** Epoch ms of the news. */
  newsTime: z.number(),
  horizonMinutes: z.union([z.literal(1), z.literal(5), z.literal(15)]),
  routes: z.array(routeSchema).min(1),
});
export type ConfirmJob = z.infer<typeof confirmJobSchema>;

/**
 * BullMQ job ids may not contain ':' (it separates Redis key parts), so the logical ids `source:itemKey` and
 * `alertId:destination` are stored with ':' and '%' percent-encoded. The mapping is reversible.
 */
export const toJobId = (logicalId: string): string => logicalId.replace(/%/g, '%25').replace(/:/g, '%3A');
export const fromJobId = (jobId: string): string => jobId.replace(/%3A/g, ':').replace(/%25/g, '%');

export const newsJobId = (source: string, itemKey: string): string => toJobId(`${source}:${itemKey}`);
export const deliverJobId = (alertId: string, destination: string): string => toJobId(`${alertId}:${destination}`);
