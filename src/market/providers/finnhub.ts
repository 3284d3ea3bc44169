// Finnhub trades websocket: token in the query string (a bad token is refused at the upgrade with 401), one
// subscribe message per symbol, no acknowledgements, in-band `{"type":"error"}` frames, server pings that need no
// reply, and single-object frames that batch trades of several symbols.
import { ProtocolError, SymbolLimitError } from './errors.js';
import type { MarketDataProvider, MarketEvent, ProviderConnectionOptions } from './market-data-provider.js';
import { WsStream } from './ws-stream.js';

export interface FinnhubOptions extends ProviderConnectionOptions {
  key: string;
}

interface FinnhubTrade {
  s: string;
  p: number;
  t: number;
  v: number;
}

interface FinnhubFrame {
  type?: string;
  data?: FinnhubTrade[];
  msg?: string;
}

export class FinnhubProvider extends WsStream<MarketEvent> implements MarketDataProvider {
  readonly name = 'finnhub';
  /** Finnhub names no symbol in "too many symbols": the most recent subscribe is the one refused. */
  private lastSubscribed = '';

  constructor(private readonly finnhub: FinnhubOptions) {
    super(finnhub);
  }

  protected url(): string {
    const u = new URL(this.finnhub.url);
    u.searchParams.set('token', this.finnhub.key);
    return u.toString();
  }

  protected onOpen(): void {
    // No handshake: an open socket means the token was accepted.
    this.markAuthenticated();
  }

  protected onFrame(text: string): void {
    const frame = JSON.parse(text) as FinnhubFrame;
    if (frame.type === 'trade') {
      const data = frame.data;
      if (!data) return;
      for (let i = 0; i < data.length; i++) {
        const d = data[i]!;
        this.emitEvent({ type: 'trade', symbol: d.s, price: d.p, size: d.v, time: d.t });
      }
      return;
    }
    if (frame.type === 'ping') return;
    if (frame.type === 'error') this.onError(frame.msg ?? '');
  }

  private onError(msg: string): void {
    if (/too many symbols/i.test(msg)) {
      this.refuse(this.lastSubscribed ? [this.lastSubscribed] : [], new SymbolLimitError(this.name, msg, this.lastSubscribed ? [this.lastSubscribed] : []));
      return;
    }
    const invalid = /^Invalid symbol\s*(\S*)/i.exec(msg);
    if (invalid) {
      const symbol = invalid[1] || this.lastSubscribed;
      this.refuse(symbol ? [symbol] : [], new ProtocolError(this.name, msg, 'invalid-symbol'));
      return;
    }
    this.fail(new ProtocolError(this.name, msg || 'unspecified error', undefined, true), false);
  }

  protected sendSubscribe(symbols: string[]): void {
    for (const symbol of symbols) {
      this.send(JSON.stringify({ type: 'subscribe', symbol }));
      this.lastSubscribed = symbol;
    }
  }

  protected sendUnsubscribe(symbols: string[]): void {
    for (const symbol of symbols) this.send(JSON.stringify({ type: 'unsubscribe', symbol }));
  }
}

export const createFinnhubProvider = (options: FinnhubOptions): FinnhubProvider => new FinnhubProvider(options);
