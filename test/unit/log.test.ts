import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

describe('logger', () => {
  it('never writes a secret field', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', stream: { write: (line: string) => void lines.push(line) } });
    log.info({ token: 'discord-secret-1', apiKey: 'k-2', headers: { authorization: 'Bot secret-3' }, finnhub: { secretKey: 's-4', keyId: 'id-5' } }, 'connecting');
    log.child({ role: 'deliver' }).warn({ config: { discord: { token: 'discord-secret-6' } } }, 'config');
    const out = lines.join('');
    expect(out).toContain('connecting');
    for (const secret of ['discord-secret-1', 'k-2', 'secret-3', 's-4', 'id-5', 'discord-secret-6']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});
