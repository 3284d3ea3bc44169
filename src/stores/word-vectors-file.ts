// Reads the shipped word vectors (data/word-vectors.bin). The only reader of that file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWordVectors, type WordVectors } from '../news/word-vectors.js';
import { packageRoot } from './dictionary-file.js';

export function defaultWordVectorsPath(): string {
  return join(packageRoot(), 'data', 'word-vectors.bin');
}

let shared: WordVectors | undefined;

/** The shipped vectors, read once per process (about 4 MB; they never change while running). */
export function loadWordVectors(path?: string): WordVectors {
  if (path !== undefined) return parseWordVectors(readFileSync(path));
  shared ??= parseWordVectors(readFileSync(defaultWordVectorsPath()));
  return shared;
}
