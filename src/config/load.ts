// Loading the configuration: config/default.yaml, then config/local.yaml (if present), then an optional file given
// on the command line, then environment variables for secrets and deployment. Validated once; a bad value stops
// start-up with a message naming the key and what is allowed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { ZodIssue } from 'zod';
import { configSchema, type Config } from './schema.js';

/** The package root, from src/config (tsx) or dist/config (built). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; arrays and scalars from `over` replace those in `base`. */
export function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isTree(v) && isTree(out[k]) ? deepMerge(out[k] as Tree, v) : v;
  return out;
}

function setPath(tree: Tree, path: readonly string[], value: unknown): void {
  let node = tree;
  path.slice(0, -1).forEach((key) => {
    if (!isTree(node[key])) node[key] = {};
    node = node[key] as Tree;
  });
  node[path[path.length - 1] as string] = value;
}

/** Environment variables and the configuration keys they set. */
export const envOverrides: ReadonlyArray<{ env: string; path: string[]; parse?: (v: string) => unknown }> = [
  { env: 'REDIS_URL', path: ['redis', 'url'] },
  { env: 'REDIS_PREFIX', path: ['redis', 'prefix'] },
  { env: 'LOG_LEVEL', path: ['log', 'level'] },
  { env: 'SQUAWK_ROLES', path: ['roles'], parse: (v) => v.split(',').map((s) => s.trim()).filter(Boolean) },
  { env: 'HTTP_PORT', path: ['http', 'port'], parse: Number },
  { env: 'HTTP_HOST', path: ['http', 'host'] },
  { env: 'DISCORD_TOKEN', path: ['discord', 'token'] },
  { env: 'DISCORD_APPLICATION_ID', path: ['discord', 'applicationId'] },
  { env: 'MARKET_PROVIDER', path: ['market', 'provider'] },
  { env: 'FINNHUB_API_KEY', path: ['market', 'finnhub', 'key'] },
  { env: 'ALPACA_KEY_ID', path: ['market', 'alpaca', 'keyId'] },
  { env: 'ALPACA_SECRET_KEY', path: ['market', 'alpaca', 'secretKey'] },
  { env: 'POLYGON_API_KEY', path: ['market', 'polygon', 'key'] },
];

function readYaml(path: string): Tree {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError([`${path}: ${(err as Error).message}`]);
  }
  if (parsed == null) return {};
  if (!isTree(parsed)) throw new ConfigError([`${path}: the top level must be a mapping of keys`]);
  return parsed;
}

export function describeIssue(issue: ZodIssue): string {
  const key = issue.path.length ? issue.path.join('.') : '(top level)';
  switch (issue.code) {
    case 'invalid_enum_value':
      return `${key}: "${String(issue.received)}" is not allowed; allowed: ${issue.options.join(', ')}`;
    case 'unrecognized_keys':
      return `${key}: unknown key(s) ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return `${key}: expected ${issue.expected}, got ${issue.received}`;
    default:
      return `${key}: ${issue.message}`;
  }
}

/** Validates a raw configuration tree. */
export function parseConfig(raw: unknown): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(result.error.issues.map(describeIssue));
  return result.data;
}

export interface LoadOptions {
  /** Extra YAML file merged last before the environment (e.g. `--config`). */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Directory holding default.yaml and local.yaml. */
  dir?: string;
  /** Overrides merged after everything else (used by the demo). */
  overrides?: Tree;
}

export function loadConfig(options: LoadOptions = {}): Config {
  const dir = options.dir ?? join(packageRoot, 'config');
  const env = options.env ?? process.env;
  let tree = readYaml(join(dir, 'default.yaml'));
  const local = join(dir, 'local.yaml');
  if (existsSync(local)) tree = deepMerge(tree, readYaml(local));
  if (options.file) {
    if (!existsSync(options.file)) throw new ConfigError([`config file not found: ${options.file}`]);
    tree = deepMerge(tree, readYaml(options.file));
  }
  for (const { env: name, path, parse } of envOverrides) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(tree, path, parse ? parse(value) : value);
  }
  if (options.overrides) tree = deepMerge(tree, options.overrides);
  return parseConfig(tree);
}

const secretKeys = new Set(['token', 'key', 'keyId', 'secretKey', 'password', 'apiKey']);

/** The configuration with every secret replaced, safe to print or log. */
export function maskSecrets(config: Config): unknown {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string' && secretKeys.has(key)) return v ? '***' : v;
    if (typeof v === 'string' && /^rediss?:\/\//.test(v)) return v.replace(/\/\/([^@/]*)@/, '//***@');
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (isTree(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(config, '');
}
