// Polygon.io / Massive stocks websocket: `connected` status on open, `{"action":"auth","params":key}`, one
// `success` ack per channel.symbol, JSON-array frames of events keyed by `ev`, RFC 6455 pings, and `max_connections`
// followed by close 1008 when another session holds the key.
import { AuthFailedError, ConnectionLimitError, ProtocolError } from './errors.js';
import type { MarketDataProvider, MarketEvent, ProviderConnectionOptions } from './market-data-provider.js';
import { WsStream } from './ws-stream.js';

export interface PolygonOptions extends ProviderConnectionOptions {
  key: string;
}

interface PolygonMessage {
  ev: string;
  status?: string;
  message?: string;
  sym?: string;
  p?: number;
  s?: number;
  t?: number;
  o?: number;
  h?: number;
  l?: number;
  c?: number;
  v?: number;
}

export class PolygonProvider extends WsStream<MarketEvent> implements MarketDataProvider {
  readonly name = 'polygon';

  constructor(private readonly polygon: PolygonOptions) {
    super({ idleTimeoutMs: 30_000, pingEveryMs: 25_000, ...polygon });
  }

  protected url(): string {
    return this.polygon.url;
  }

  protected onOpen(): void {
    // Wait for the `connected` status before authenticating.
  }

  protected onFrame(text: string): void {
    const messages = JSON.parse(text) as PolygonMessage[];
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      if (m.ev === 'T') this.emitEvent({ type: 'trade', symbol: m.sym!, price: m.p!, size: m.s!, time: m.t! });
      else if (m.ev === 'AM') {
        this.emitEvent({ type: 'bar', symbol: m.sym!, start: m.s!, open: m.o!, high: m.h!, low: m.l!, close: m.c!, volume: m.v! });
      } else if (m.ev === 'status') this.onStatus(m.status ?? '', m.message ?? '');
    }
  }

  private onStatus(status: string, message: string): void {
    switch (status) {
      case 'connected':
        this.send(JSON.stringify({ action: 'auth', params: this.polygon.key }));
        return;
      case 'auth_success':
        this.markAuthenticated();
        return;
      case 'auth_failed':
        this.fail(new AuthFailedError(this.name, message, status));
        return;
      case 'auth_timeout':
        this.fail(new ProtocolError(this.name, message, status, true));
        return;
      case 'max_connections':
        this.fail(new ConnectionLimitError(this.name, message, status));
        return;
      case 'success':
        return;
      default:
        this.fail(new ProtocolError(this.name, message || status, status, true), false);
    }
  }

  private params(symbols: string[]): string {
    const out: string[] = [];
    for (const s of symbols) out.push(`T.${s}`, `AM.${s}`);
    return out.join(',');
  }

  protected sendSubscribe(symbols: string[]): void {
    this.send(JSON.stringify({ action: 'subscribe', params: this.params(symbols) }));
  }

  protected sendUnsubscribe(symbols: string[]): void {
    this.send(JSON.stringify({ action: 'unsubscribe', params: this.params(symbols) }));
  }
}

export const createPolygonProvider = (options: PolygonOptions): PolygonProvider => new PolygonProvider(options);
