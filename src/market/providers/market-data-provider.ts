// The port every market-data adapter implements: connect, follow a symbol set, emit normalized events.
import type { MinuteBar } from '../types.js';
import type { MarketDataError } from './errors.js';

export interface TradeEvent {
  type: 'trade';
  symbol: string;
  price: number;
  size: number;
  /** Provider trade time, epoch ms. */
  time: number;
}

export interface BarEvent extends MinuteBar {
  type: 'bar';
}

export interface StatusEvent {
  type: 'status';
  symbol: string;
  halted: boolean;
  reason: string;
  time: number;
}

export interface QuoteEvent {
  type: 'quote';
  symbol: string;
  bid: number;
  ask: number;
  time: number;
}

export type MarketEvent = TradeEvent | BarEvent | StatusEvent | QuoteEvent;

/** Connection lifecycle, for logs and health. */
export type ConnectionStatus =
  | { type: 'connecting'; attempt: number }
  | { type: 'authenticated'; reconnect: boolean }
  | { type: 'disconnected'; code: number; reason: string; retryInMs: number | null }
  | { type: 'error'; error: MarketDataError };

export interface StreamEvents<E> {
  event: E;
  status: ConnectionStatus;
}

/** A websocket stream with its own reconnect loop. */
export interface ProviderStream<E> {
  readonly name: string;
  /**
   * Opens the socket and resolves once authenticated. Transient failures are retried with backoff; rejects only on
   * a fatal error (e.g. AuthFailedError) or when closed first.
   */
  connect(): Promise<void>;
  /** Closes for good; no reconnect afterwards. */
  close(): Promise<void>;
  on<K extends keyof StreamEvents<E>>(type: K, listener: (value: StreamEvents<E>[K]) => void): () => void;
  readonly connected: boolean;
}

export interface MarketDataProvider extends ProviderStream<MarketEvent> {
  /** Adds symbols to the wanted set; sent at once when connected and again after each reconnect. */
  subscribe(symbols: readonly string[]): void;
  unsubscribe(symbols: readonly string[]): void;
  /** The wanted set (minus symbols the provider refused). */
  subscriptions(): ReadonlySet<string>;
}

/** Connection options shared by the adapters; tests point `url` at a loopback simulator. */
export interface ProviderConnectionOptions {
  url: string;
  reconnect?: { baseMs: number; maxMs: number };
  /** Client ping period for providers that expect RFC 6455 pings (Alpaca, Polygon). */
  pingEveryMs?: number;
  /** A socket silent (no frame, no pong) for this long is treated as dead. */
  idleTimeoutMs?: number;
  /** Injected randomness for jitter. */
  random?: () => number;
}
