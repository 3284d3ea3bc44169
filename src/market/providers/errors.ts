// Typed errors of the market-data adapters: each carries what the caller needs to decide (retry, drop symbols, stop).

export class MarketDataError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    /** Whether reconnecting can help. */
    readonly retryable: boolean,
    /** The provider's own code, when it sends one (Alpaca 402, Polygon `auth_failed`, HTTP 401, …). */
    readonly code?: string | number,
  ) {
    super(`${provider}: ${message}`);
    this.name = new.target.name;
  }
}

/** The key was refused. Reconnecting with the same key cannot help. */
export class AuthFailedError extends MarketDataError {
  constructor(provider: string, message: string, code?: string | number) {
    super(provider, message, false, code);
  }
}

/** The provider refused symbols because the plan's cap was reached; `symbols` were dropped from the subscription. */
export class SymbolLimitError extends MarketDataError {
  constructor(
    provider: string,
    message: string,
    readonly symbols: readonly string[],
    code?: string | number,
  ) {
    super(provider, `${message} (refused: ${symbols.join(', ') || 'unknown'})`, false, code);
  }
}

/** Another connection already uses this key; retried with backoff, since the other holder may go away. */
export class ConnectionLimitError extends MarketDataError {
  constructor(provider: string, message: string, code?: string | number) {
    super(provider, message, true, code);
  }
}

/** A frame we could not understand, or an in-band error that is not one of the above. */
export class ProtocolError extends MarketDataError {
  constructor(provider: string, message: string, code?: string | number, retryable = false) {
    super(provider, message, retryable, code);
  }
}
