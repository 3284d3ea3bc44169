// Price action for an alert: read the symbols' snapshots from the Redis price book and describe them.
import { describePriceAction } from '../market/price-action.js';
import type { PriceSnapshot } from '../market/types.js';
import type { PriceLine } from '../alerts/alert.js';

export interface SnapshotReader {
  getMany(symbols: readonly string[]): Promise<Map<string, PriceSnapshot>>;
}

export function createPriceLines(book: SnapshotReader, options: { staleAfterMs?: number } = {}) {
  return async (symbols: readonly string[], now: number): Promise<PriceLine[]> => {
    if (symbols.length === 0) return [];
    const snapshots = await book.getMany(symbols);
    const lines: PriceLine[] = [];
    for (const symbol of symbols) {
      const snapshot = snapshots.get(symbol);
      const action = snapshot && describePriceAction(snapshot, now, options);
      if (action) lines.push({ symbol: action.symbol, line: action.line, stale: action.stale });
    }
    return lines;
  };
}
