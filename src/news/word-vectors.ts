// Word vectors for meaning-level similarity: the shipped file (data/word-vectors.bin, built by
// scripts/build-word-vectors.ts) parsed into a lookup. Pure: takes the file's bytes.

export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** Cosine similarity of two lowercase words in -1..1; 0 when either is unknown. */
  cosine(a: string, b: string): number;
  has(word: string): boolean;
}

export class WordVectorsFormatError extends Error {
  constructor(reason: string) {
    super(`word vectors: ${reason}`);
    this.name = 'WordVectorsFormatError';
  }
}

const MAGIC = 'SQWV';
const HEADER_BYTES = 20;

export function parseWordVectors(bytes: Uint8Array): WordVectors {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new WordVectorsFormatError('not a word-vector file');
  const version = view.getUint32(4, true);
  if (version !== 1) throw new WordVectorsFormatError(`unsupported version ${version}`);
  const dims = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const wordBytes = view.getUint32(16, true);
  const vectorsAt = HEADER_BYTES + wordBytes;
  if (bytes.byteLength !== vectorsAt + count * dims) throw new WordVectorsFormatError(`expected ${vectorsAt + count * dims} bytes, found ${bytes.byteLength}`);
  const words = new TextDecoder().decode(bytes.subarray(HEADER_BYTES, vectorsAt)).split('\n');
  if (words.length !== count) throw new WordVectorsFormatError(`header says ${count} words, list has ${words.length}`);
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + vectorsAt, count * dims);
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  const norms = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let d = i * dims, end = d + dims; d < end; d++) s += (data[d] as number) * (data[d] as number);
    norms[i] = Math.sqrt(s);
  }
  return {
    dims,
    size: count,
    has: (word) => index.has(word),
    cosine(a, b) {
      if (a === b) return index.has(a) ? 1 : 0;
      const i = index.get(a);
      const j = index.get(b);
      if (i === undefined || j === undefined) return 0;
      let s = 0;
      for (let x = i * dims, y = j * dims, end = x + dims; x < end; x++, y++) s += (data[x] as number) * (data[y] as number);
      return s / ((norms[i] as number) * (norms[j] as number));
    },
  };
}
