// The connection half every websocket adapter shares: open, keepalive, reconnect with exponential backoff and
// jitter, resubscribe the wanted set after each reconnect, and stop for good on a fatal error. Adapters supply the
// protocol: URL, handshake, frame parsing and subscribe messages.
import WebSocket from 'ws';
import { AuthFailedError, MarketDataError, ProtocolError } from './errors.js';
import type { ConnectionStatus, ProviderConnectionOptions, ProviderStream, StreamEvents } from './market-data-provider.js';

const defaults = {
  reconnect: { baseMs: 500, maxMs: 30_000 },
  idleTimeoutMs: 150_000,
} as const;

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so peers spread out. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

export class StreamClosedError extends MarketDataError {
  constructor(provider: string) {
    super(provider, 'stream closed', false);
  }
}

export abstract class WsStream<E> implements ProviderStream<E> {
  abstract readonly name: string;
  /** Symbols (or channels) the caller wants; resent after every reconnect. */
  protected readonly wanted = new Set<string>();
  private ws: WebSocket | null = null;
  private authed = false;
  private everAuthed = false;
  private closed = false;
  private fatal: MarketDataError | null = null;
  private attempt = 0;
  private lastSeen = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private eventListeners: Array<(e: E) => void> = [];
  private statusListeners: Array<(s: ConnectionStatus) => void> = [];
  private readonly random: () => number;

  constructor(protected readonly options: ProviderConnectionOptions) {
    this.random = options.random ?? Math.random;
  }

  /** Full URL to open, credentials included where the provider wants them in the query. */
  protected abstract url(): string;
  protected headers(): Record<string, string> {
    return {};
  }
  /** Socket open: start the handshake (or call markAuthenticated when there is none). */
  protected abstract onOpen(): void;
  protected abstract onFrame(text: string): void;
  protected abstract sendSubscribe(symbols: string[]): void;
  protected abstract sendUnsubscribe(symbols: string[]): void;

  get connected(): boolean {
    return this.authed;
  }

  on<K extends keyof StreamEvents<E>>(type: K, listener: (value: StreamEvents<E>[K]) => void): () => void {
    const list = (type === 'event' ? this.eventListeners : this.statusListeners) as Array<(v: StreamEvents<E>[K]) => void>;
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new StreamClosedError(this.name));
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.authed) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.pending.push({ resolve, reject }));
    if (!this.ws && !this.reconnectTimer) this.open();
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    this.settle(new StreamClosedError(this.name));
    const ws = this.ws;
    if (!ws) return;
    if (ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => ws.terminate(), 1_000);
      ws.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(1000, 'client closing');
    });
  }

  /** Drops the socket as if the network failed; the reconnect loop takes over. For health checks and tests. */
  dropConnection(): void {
    this.ws?.terminate();
  }

  subscribe(symbols: readonly string[]): void {
    const added: string[] = [];
    for (const s of symbols) {
      if (!this.wanted.has(s)) {
        this.wanted.add(s);
        added.push(s);
      }
    }
    if (added.length > 0 && this.authed) this.sendSubscribe(added);
  }

  unsubscribe(symbols: readonly string[]): void {
    const removed: string[] = [];
    for (const s of symbols) if (this.wanted.delete(s)) removed.push(s);
    if (removed.length > 0 && this.authed) this.sendUnsubscribe(removed);
  }

  subscriptions(): ReadonlySet<string> {
    return this.wanted;
  }

  protected emitEvent(e: E): void {
    const list = this.eventListeners;
    for (let i = 0; i < list.length; i++) list[i]!(e);
  }

  protected emitStatus(s: ConnectionStatus): void {
    for (const l of [...this.statusListeners]) l(s);
  }

  protected send(text: string): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  protected markAuthenticated(): void {
    if (this.authed) return;
    const reconnect = this.everAuthed;
    this.authed = true;
    this.everAuthed = true;
    this.attempt = 0;
    this.emitStatus({ type: 'authenticated', reconnect });
    if (this.wanted.size > 0) this.sendSubscribe([...this.wanted]);
    this.settle(null);
  }

  /** An in-band error. Fatal ones stop the stream; retryable ones drop the socket so the loop reconnects. */
  protected fail(error: MarketDataError, dropSocket = !error.retryable): void {
    this.emitStatus({ type: 'error', error });
    if (!error.retryable) this.fatal = error;
    if (dropSocket) this.ws?.terminate();
  }

  /** The provider refused these symbols: stop wanting them so reconnects do not ask again. */
  protected refuse(symbols: readonly string[], error: MarketDataError): void {
    for (const s of symbols) this.wanted.delete(s);
    this.emitStatus({ type: 'error', error });
  }

  private open(): void {
    this.reconnectTimer = null;
    this.attempt += 1;
    this.emitStatus({ type: 'connecting', attempt: this.attempt });
    // JSON.parse rejects or replaces bad text anyway; skipping ws's own UTF-8 pass saves a scan of every frame.
    const ws = new WebSocket(this.url(), { headers: this.headers(), perMessageDeflate: false, handshakeTimeout: 10_000, skipUTF8Validation: true });
    this.ws = ws;
    let upgradeError: MarketDataError | null = null;
    ws.on('open', () => {
      this.lastSeen = Date.now();
      this.startKeepalive(ws);
      this.onOpen();
    });
    ws.on('message', (data: Buffer) => {
      this.lastSeen = Date.now();
      try {
        this.onFrame(data.toString());
      } catch (err) {
        this.emitStatus({ type: 'error', error: new ProtocolError(this.name, `unreadable frame: ${(err as Error).message}`) });
      }
    });
    ws.on('pong', () => {
      this.lastSeen = Date.now();
    });
    ws.on('error', (err: Error) => {
      const status = /Unexpected server response: (\d+)/.exec(err.message)?.[1];
      if (status === '401' || status === '403') upgradeError = new AuthFailedError(this.name, `upgrade refused with HTTP ${status}`, Number(status));
    });
    ws.on('close', (code: number, reason: Buffer) => {
      if (upgradeError) this.fail(upgradeError, false);
      this.handleClose(ws, code, reason.toString());
    });
  }

  private handleClose(ws: WebSocket, code: number, reason: string): void {
    if (ws !== this.ws) return;
    this.ws = null;
    this.authed = false;
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
    if (this.closed || this.fatal) {
      this.emitStatus({ type: 'disconnected', code, reason, retryInMs: null });
      if (this.fatal) this.settle(this.fatal);
      return;
    }
    const reconnect = this.options.reconnect ?? defaults.reconnect;
    const delay = backoffDelay(this.attempt, reconnect.baseMs, reconnect.maxMs, this.random);
    this.emitStatus({ type: 'disconnected', code, reason, retryInMs: delay });
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private startKeepalive(ws: WebSocket): void {
    const idle = this.options.idleTimeoutMs ?? defaults.idleTimeoutMs;
    const ping = this.options.pingEveryMs;
    const every = Math.max(10, Math.min(ping ?? idle / 3, idle / 3));
    let lastPing = Date.now();
    this.keepaliveTimer = setInterval(() => {
      const now = Date.now();
      if (now - this.lastSeen > idle) {
        ws.terminate();
        return;
      }
      if (ping !== undefined && now - lastPing >= ping && ws.readyState === WebSocket.OPEN) {
        lastPing = now;
        ws.ping();
      }
    }, every);
    this.keepaliveTimer.unref();
  }

  private settle(error: Error | null): void {
    const waiting = this.pending;
    this.pending = [];
    for (const p of waiting) {
      if (error) p.reject(error);
      else p.resolve();
    }
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.reconnectTimer = null;
    this.keepaliveTimer = null;
  }
}
