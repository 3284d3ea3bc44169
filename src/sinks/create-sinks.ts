import type { DestinationConfig } from '../config/core-schema.js';
import { createConsoleSink } from './console-sink.js';
import { createJsonlSink } from './jsonl-sink.js';
import type { AlertSink } from './types.js';

/** One sink per configured destination, keyed by destination id. */
export function createSinks(destinations: readonly DestinationConfig[]): Map<string, AlertSink> {
  return new Map(
    destinations.map((d) => [d.id, d.kind === 'console' ? createConsoleSink(d.id) : createJsonlSink(d.id, d.path)]),
  );
}
