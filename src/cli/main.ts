#!/usr/bin/env node
// The `squawk` command: start roles, run the offline demo, analyze stories, check the configuration, explain a
// decision. Each subcommand is a thin shell over the composition root or a pure function.
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, maskSecrets } from '../config/load.js';
import { roleNames, type RoleName } from '../config/core-schema.js';
import { createLogger } from '../log.js';
import { startApp } from '../main.js';
import { createRedis } from '../stores/redis.js';
import { createRedisDecisionStore } from '../stores/decisions.js';
import { runAnalyze } from './analyze.js';
import { runDemo } from './demo.js';
import { untilSignal } from './signals.js';

const parseRoles = (value: string): RoleName[] => {
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(roleNames as readonly string[]).includes(r));
  if (unknown.length || roles.length === 0) {
    throw new InvalidArgumentError(`unknown role(s) ${unknown.join(', ') || '(none)'}; allowed: ${roleNames.join(', ')}`);
  }
  return roles as RoleName[];
};

const program = new Command()
  .name('squawk')
  .description('Real-time market-news alerts: feeds and market data in, scored and de-duplicated alerts out.')
  .showHelpAfterError();

program
  .command('start')
  .description('run roles against the configured Redis until SIGTERM/SIGINT')
  .option('--roles <list>', `comma-separated roles (${roleNames.join(', ')}); default: all`, parseRoles)
  .option('-c, --config <file>', 'YAML file merged over config/default.yaml')
  .action(async (opts: { roles?: RoleName[]; config?: string }) => {
    const config = loadConfig(opts.config ? { file: opts.config } : {});
    const log = createLogger({ level: config.log.level });
    const app = await startApp(config, { roles: opts.roles ?? config.roles, log });
    const signal = await untilSignal();
    log.info({ signal }, 'shutting down');
    await app.stop();
  });

program
  .command('demo')
  .description('run everything offline against the bundled feed and market simulators, printing alerts')
  .option('--ready-file <path>', 'write a JSON object with the simulators\' addresses once everything is up')
  .option('--jsonl <path>', 'also write delivered alerts as JSON lines to this file')
  .option('--duration <seconds>', 'stop after this many seconds', (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a positive number of seconds');
    return n;
  })
  .action(async (opts: { readyFile?: string; jsonl?: string; duration?: number }) => {
    await runDemo(opts);
  });

program
  .command('analyze')
  .description('read JSON-lines stories on stdin, write tickers, event, sentiment and importance per line')
  .option('--cluster', 'fold near-duplicates across the input lines', false)
  .action(async (opts: { cluster: boolean }) => {
    await runAnalyze({ cluster: opts.cluster }, process.stdin, process.stdout);
  });

program
  .command('why')
  .description('show the decision record of a story (why it alerted or not)')
  .argument('<storyId>', 'story id, `source:itemKey`')
  .option('-c, --config <file>', 'YAML file merged over config/default.yaml')
  .action(async (storyId: string, opts: { config?: string }) => {
    const config = loadConfig(opts.config ? { file: opts.config } : {});
    const log = createLogger({ level: 'warn', toStderr: true });
    const redis = createRedis(config.redis.url, 'producer', log, 'cli');
    try {
      const decision = await createRedisDecisionStore(redis, config.redis.prefix, 1).get(storyId);
      if (!decision) {
        process.stderr.write(`no decision recorded for "${storyId}" (unknown id, or older than the retention)\n`);
        process.exitCode = 1;
      } else process.stdout.write(`${JSON.stringify(decision, null, 2)}\n`);
    } finally {
      redis.disconnect();
    }
  });

const configCommand = program.command('config').description('configuration tools');
configCommand
  .command('check')
  .description('validate the configuration and print it with secrets masked')
  .option('-c, --config <file>', 'YAML file merged over config/default.yaml')
  .action((opts: { config?: string }) => {
    const config = loadConfig(opts.config ? { file: opts.config } : {});
    process.stdout.write(`${JSON.stringify(maskSecrets(config), null, 2)}\n`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`squawk: ${err.message}\n`);
  else process.stderr.write(`squawk: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
