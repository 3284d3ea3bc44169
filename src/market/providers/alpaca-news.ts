// Alpaca's real-time news stream (v1beta1/news, Benzinga-sourced): same handshake and error codes as the stock
// stream, `{"action":"subscribe","news":["*"]}`, and `T:"n"` stories. Each story becomes a raw feed item for the
// `news` queue, keyed by the provider's news id (an update re-sends the same id, so the queue folds it).
import type { RawItem } from '../../news/types.js';
import { alpacaError } from './alpaca.js';
import { ConnectionLimitError } from './errors.js';
import type { ProviderConnectionOptions } from './market-data-provider.js';
import { WsStream } from './ws-stream.js';

export interface NewsStreamItem {
  source: string;
  itemKey: string;
  raw: RawItem;
}

export interface AlpacaNewsOptions extends ProviderConnectionOptions {
  /** Full news stream URL, e.g. `wss://stream.data.alpaca.markets/v1beta1/news`. */
  url: string;
  key: string;
  secret: string;
  /** Story source id, default `alpaca-news`. */
  source?: string;
  /** Symbols to follow; default every story (`*`). */
  symbols?: readonly string[];
}

interface AlpacaNewsMessage {
  T: string;
  id?: number;
  headline?: string;
  summary?: string;
  author?: string;
  created_at?: string;
  updated_at?: string;
  url?: string;
  content?: string;
  symbols?: string[];
  msg?: string;
  code?: number;
}

/** Maps one streamed story to a raw item. Pure; exported for tests. */
export function alpacaNewsToRawItem(m: AlpacaNewsMessage): RawItem {
  const raw: RawItem = { guid: String(m.id) };
  if (m.headline) raw.title = m.headline;
  if (m.url) raw.link = m.url;
  if (m.summary) raw.summary = m.summary;
  if (m.content) raw.body = m.content;
  if (m.created_at) raw.published = m.created_at;
  if (m.symbols) raw.tickers = [...m.symbols];
  if (m.author) raw.author = m.author;
  return raw;
}

export class AlpacaNewsStream extends WsStream<NewsStreamItem> {
  readonly name = 'alpaca-news';
  private readonly source: string;

  constructor(private readonly news: AlpacaNewsOptions) {
    super({ idleTimeoutMs: 30_000, pingEveryMs: 10_000, ...news });
    this.source = news.source ?? 'alpaca-news';
    this.subscribe(news.symbols ?? ['*']);
  }

  protected url(): string {
    return this.news.url;
  }

  protected onOpen(): void {
    // Wait for [{"T":"success","msg":"connected"}].
  }

  protected onFrame(text: string): void {
    for (const m of JSON.parse(text) as AlpacaNewsMessage[]) {
      if (m.T === 'n' && m.id !== undefined) {
        this.emitEvent({ source: this.source, itemKey: String(m.id), raw: alpacaNewsToRawItem(m) });
      } else if (m.T === 'success') {
        if (m.msg === 'connected') this.send(JSON.stringify({ action: 'auth', key: this.news.key, secret: this.news.secret }));
        else if (m.msg === 'authenticated') this.markAuthenticated();
      } else if (m.T === 'error') {
        const { error } = alpacaError(this.name, m.code ?? 0, m.msg ?? '', []);
        this.fail(error, !error.retryable || error instanceof ConnectionLimitError);
      }
    }
  }

  protected sendSubscribe(symbols: string[]): void {
    this.send(JSON.stringify({ action: 'subscribe', news: symbols }));
  }

  protected sendUnsubscribe(symbols: string[]): void {
    this.send(JSON.stringify({ action: 'unsubscribe', news: symbols }));
  }
}

export const createAlpacaNewsStream = (options: AlpacaNewsOptions): AlpacaNewsStream => new AlpacaNewsStream(options);
