// The whole configuration: one zod schema composed of each area's section. Parsed once, in the composition root.
import { z } from 'zod';
import {
  deliverSchema,
  destinationSchema,
  discordSchema,
  httpSchema,
  logSchema,
  pipelineSchema,
  redisSchema,
  roleNames,
  shutdownSchema,
  watchlistSchema,
} from './core-schema.js';
import { feedsSchema, fetchSettingsSchema } from './feeds-schema.js';
import { marketSchema } from './market-schema.js';
import { tickersSchema } from '../news/tickers/config.js';
import { signalSchema } from './signal-schema.js';
import { priceActionConfigSchema } from '../market/price-action.js';
import { confirmationConfigSchema } from '../market/confirmation.js';
import { chartConfigSchema } from '../alerts/chart.js';

export const configSchema = z
  .object({
    redis: redisSchema,
    log: logSchema,
    /** Roles this process runs when `squawk start` gets no --roles. */
    roles: z.array(z.enum(roleNames)).min(1).default([...roleNames]),
    fetch: fetchSettingsSchema,
    feeds: feedsSchema,
    market: marketSchema,
    priceAction: priceActionConfigSchema,
    confirmation: confirmationConfigSchema,
    chart: chartConfigSchema,
    tickers: tickersSchema,
    signal: signalSchema,
    pipeline: pipelineSchema,
    deliver: deliverSchema,
    destinations: z.array(destinationSchema).default([{ id: 'console', kind: 'console' }]),
    watchlists: z.array(watchlistSchema).default([]),
    discord: discordSchema,
    http: httpSchema,
    shutdown: shutdownSchema,
  })
  .strict()
  .superRefine((config, ctx) => {
    const destinations = new Set(config.destinations.map((d) => d.id));
    config.watchlists.forEach((w, i) => {
      if (!destinations.has(w.destination)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['watchlists', i, 'destination'],
          message: `unknown destination "${w.destination}"; configured destinations: ${[...destinations].join(', ')}`,
        });
      }
    });
    const feedIds = config.feeds.map((f) => f.id);
    const repeated = feedIds.filter((id, i) => feedIds.indexOf(id) !== i);
    if (repeated.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['feeds'], message: `feed ids must be unique: ${repeated.join(', ')}` });
    }
  });

export type Config = z.infer<typeof configSchema>;
