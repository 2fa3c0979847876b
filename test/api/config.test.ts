import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from '@wegwijzer/api';
import { root } from '../support/server.ts';

describe('disclosure settings', () => {
  it('default to a threshold of 10 and a rounding base of 5', () => {
    const config = configFromEnv({});
    expect(config.suppressionThreshold).toBe(10);
    expect(config.roundingBase).toBe(5);
    expect(configFromEnv({ WEGWIJZER_ROUNDING_BASE: '3' }).roundingBase).toBe(3);
  });

  it.each([
    ['WEGWIJZER_SUPPRESSION_THRESHOLD', '0'],
    ['WEGWIJZER_SUPPRESSION_THRESHOLD', '-5'],
    ['WEGWIJZER_SUPPRESSION_THRESHOLD', 'tien'],
    ['WEGWIJZER_ROUNDING_BASE', '0'],
    ['WEGWIJZER_ROUNDING_BASE', '-1'],
    ['WEGWIJZER_ROUNDING_BASE', '2.5'],
  ])('refuse %s=%s with a message naming the variable', (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => configFromEnv({ [name]: value })).toThrow(name);
  });

  it('stop the server at start-up, naming the variable, before it opens the database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-config-'));
    try {
      const run = spawnSync(join(root, 'apps/api/node_modules/.bin/tsx'), ['src/main.ts'], {
        cwd: join(root, 'apps/api'),
        env: {
          ...process.env,
          WEGWIJZER_ROUNDING_BASE: '0',
          DATABASE_URL: join(dir, 'db.sqlite'),
          PORT: '0',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('WEGWIJZER_ROUNDING_BASE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
