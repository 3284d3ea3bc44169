// Price action for an alert: read the symbols' snapshots from the Redis price book and describe them.
import { describePriceAction } from '../market/price-action.js';
import type { PriceSnapshot } from '../market/types.js';
import type { PriceLine } from '../alerts/alert.js';

export interface SnapshotReader {
  getMany(symbols: readonly string[]): Promise<Array<PriceSnapshot | null>>;
}

export function createPriceLines(book: SnapshotReader, options: { staleAfterMs?: number } = {}) {
  return async (symbols: readonly string[], now: number): Promise<PriceLine[]> => {
    if (symbols.length === 0) return [];
    const snapshots = await book.getMany(symbols);
    const lines: PriceLine[] = [];
    for (const snapshot of snapshots) {
      const action = snapshot && describePriceAction(snapshot, now, options);
      if (action) lines.push({ symbol: action.symbol, line: action.line, stale: action.stale });
    }
    return lines;
  };
}
