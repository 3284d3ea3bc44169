// Reads the shipped symbol dictionary (data/symbols.json + data/aliases.json). The only reader of those
// files; everything else gets the built SymbolDictionary.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSymbolDictionary, type SymbolData, type SymbolDictionary } from '../news/tickers/dictionary.js';

/** The package root: the nearest folder above this module holding package.json (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the dictionary loader');
    dir = parent;
  }
}

export function defaultSymbolsPath(): string {
  return join(packageRoot(), 'data', 'symbols.json');
}

export class DictionaryFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`symbol dictionary ${path}: ${reason}`);
    this.name = 'DictionaryFileError';
  }
}

/** Additions from the configuration (`tickers.aliases`, `tickers.stopWords`). */
export interface DictionaryExtras {
  /** alias → symbol; `~SYM` marks a common word that needs supporting evidence. */
  aliases?: Readonly<Record<string, string>>;
  stopWords?: readonly string[];
}

/**
 * Loads the symbol file and, from the same folder, `aliases.json` (optional). `path` defaults to the
 * package's data/symbols.json.
 */
export function loadSymbolDictionary(path: string = defaultSymbolsPath(), extras: DictionaryExtras = {}): SymbolDictionary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DictionaryFileError(path, err instanceof Error ? err.message : String(err));
  }
  const file = parsed as Partial<SymbolData>;
  if (file.version !== 2 || typeof file.symbols !== 'object' || typeof file.names !== 'object' || typeof file.firstTokens !== 'object') {
    throw new DictionaryFileError(path, 'not a version 2 symbol file (rebuild it with scripts/build-dictionary.ts)');
  }
  const aliasesPath = join(dirname(path), 'aliases.json');
  let aliases: [string, string][] = [];
  let stopList: string[] = [];
  if (existsSync(aliasesPath)) {
    try {
      const a = JSON.parse(readFileSync(aliasesPath, 'utf8')) as { aliases?: [string, string][]; stopList?: string[] };
      aliases = a.aliases ?? [];
      stopList = a.stopList ?? [];
    } catch (err) {
      throw new DictionaryFileError(aliasesPath, err instanceof Error ? err.message : String(err));
    }
  }
  const data: SymbolData = {
    version: 2,
    asOf: typeof file.asOf === 'string' ? file.asOf : '',
    symbols: file.symbols,
    names: file.names,
    firstTokens: file.firstTokens,
    aliases: [...aliases, ...Object.entries(extras.aliases ?? {})],
    stopList: [...stopList, ...(extras.stopWords ?? [])],
  };
  return buildSymbolDictionary(data);
}
