// Alpaca v2 stock stream: `{T:"success",msg:"connected"}` on open, then an auth message, then subscribe/unsubscribe
// by channel; every server frame is a JSON array; errors carry numeric codes; no JSON heartbeat (RFC 6455 pings).
import { AuthFailedError, ConnectionLimitError, ProtocolError, SymbolLimitError } from './errors.js';
import type { MarketDataProvider, MarketEvent, ProviderConnectionOptions } from './market-data-provider.js';
import { WsStream } from './ws-stream.js';

export interface AlpacaOptions extends ProviderConnectionOptions {
  /** Stream base, e.g. `wss://stream.data.alpaca.markets/v2`; the feed is appended. */
  url: string;
  key: string;
  secret: string;
  feed?: 'iex' | 'sip' | 'delayed_sip' | 'test';
  /** Also subscribe to quotes (they count against the plan's symbol cap). */
  quotes?: boolean;
}

/** Alpaca's in-band errors mapped to what the caller should do. */
export function alpacaError(provider: string, code: number, msg: string, refused: readonly string[]): { error: ProtocolError | AuthFailedError | ConnectionLimitError | SymbolLimitError; refuse: boolean } {
  switch (code) {
    case 402:
    case 408:
    case 409:
    case 411:
      return { error: new AuthFailedError(provider, msg, code), refuse: false };
    case 405:
      return { error: new SymbolLimitError(provider, msg, refused, code), refuse: true };
    case 406:
      return { error: new ConnectionLimitError(provider, msg, code), refuse: false };
    case 404:
    case 407:
    case 500:
      return { error: new ProtocolError(provider, msg, code, true), refuse: false };
    default:
      return { error: new ProtocolError(provider, msg, code, false), refuse: false };
  }
}

/** Status codes that mean trading stopped: UTDF `H` halt and `P` volatility pause, CTS `2` halt. */
const HALT_CODES = new Set(['H', 'P', '2']);
/** UTDF `Q`/`T` quotation and trading resumption, CTS `3` resume. */
const RESUME_CODES = new Set(['Q', 'T', '3']);

interface AlpacaMessage {
  T: string;
  S?: string;
  p?: number;
  s?: number;
  t?: string;
  o?: number;
  h?: number;
  l?: number;
  c?: number;
  v?: number;
  bp?: number;
  ap?: number;
  sc?: string;
  sm?: string;
  rm?: string;
  msg?: string;
  code?: number;
}

export class AlpacaProvider extends WsStream<MarketEvent> implements MarketDataProvider {
  readonly name = 'alpaca';
  private lastBatch: string[] = [];

  constructor(private readonly alpaca: AlpacaOptions) {
    super({ idleTimeoutMs: 30_000, pingEveryMs: 10_000, ...alpaca });
  }

  protected url(): string {
    return `${this.alpaca.url.replace(/\/+$/, '')}/${this.alpaca.feed ?? 'iex'}`;
  }

  protected onOpen(): void {
    // Wait for [{"T":"success","msg":"connected"}] before authenticating.
  }

  protected onFrame(text: string): void {
    const messages = JSON.parse(text) as AlpacaMessage[];
    for (let i = 0; i < messages.length; i++) this.onMessage(messages[i]!);
  }

  private onMessage(m: AlpacaMessage): void {
    switch (m.T) {
      case 't':
        this.emitEvent({ type: 'trade', symbol: m.S!, price: m.p!, size: m.s!, time: Date.parse(m.t!) });
        return;
      case 'b':
      case 'u':
        this.emitEvent({ type: 'bar', symbol: m.S!, start: Date.parse(m.t!), open: m.o!, high: m.h!, low: m.l!, close: m.c!, volume: m.v! });
        return;
      case 'q':
        this.emitEvent({ type: 'quote', symbol: m.S!, bid: m.bp!, ask: m.ap!, time: Date.parse(m.t!) });
        return;
      case 's': {
        const code = m.sc ?? '';
        if (!HALT_CODES.has(code) && !RESUME_CODES.has(code)) return;
        const reason = [m.sm, m.rm].filter(Boolean).join(': ');
        this.emitEvent({ type: 'status', symbol: m.S!, halted: HALT_CODES.has(code), reason, time: Date.parse(m.t!) });
        return;
      }
      case 'success':
        if (m.msg === 'connected') this.send(JSON.stringify({ action: 'auth', key: this.alpaca.key, secret: this.alpaca.secret }));
        else if (m.msg === 'authenticated') this.markAuthenticated();
        return;
      case 'error': {
        const { error, refuse } = alpacaError(this.name, m.code ?? 0, m.msg ?? '', this.lastBatch);
        if (refuse) this.refuse(this.lastBatch, error);
        else this.fail(error, !error.retryable || error instanceof ConnectionLimitError);
        return;
      }
      default:
        // subscription echoes, corrections, cancels, LULD bands, daily bars: not used by the price book.
        return;
    }
  }

  private channels(symbols: string[]): Record<string, string[]> {
    const ch: Record<string, string[]> = { trades: symbols, bars: symbols, statuses: symbols };
    if (this.alpaca.quotes) ch.quotes = symbols;
    return ch;
  }

  protected sendSubscribe(symbols: string[]): void {
    this.lastBatch = symbols;
    this.send(JSON.stringify({ action: 'subscribe', ...this.channels(symbols) }));
  }

  protected sendUnsubscribe(symbols: string[]): void {
    this.send(JSON.stringify({ action: 'unsubscribe', ...this.channels(symbols) }));
  }
}

export const createAlpacaProvider = (options: AlpacaOptions): AlpacaProvider => new AlpacaProvider(options);
