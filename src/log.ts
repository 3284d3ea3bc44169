// One pino root logger; adapters take child loggers bound to { role, feed, jobId, ticker }.
import { destination, pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field paths that may carry secrets; pino replaces them before anything is written. */
export const redactPaths = [
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'secretKey',
  '*.secretKey',
  'keyId',
  '*.keyId',
  'headers.authorization',
  '*.headers.authorization',
  'config.discord.token',
  'config.redis.url',
];

export function createLogger(options: { level?: string; toStderr?: boolean; stream?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { app: 'squawk' },
    },
    options.stream ?? destination({ fd: options.toStderr ? 2 : 1, sync: false }),
  );
}

/** A logger that writes nothing, for tests and pure library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
