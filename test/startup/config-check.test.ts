import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function checkConfig(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['-r', join(ROOT, 'scripts', 'swc-register.js'), join(ROOT, 'src', 'check-config.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stderr: run.stderr };
}

describe('configuration checked before the build (prestart)', () => {
  it('runs the check before tsc in npm start', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(scripts.prestart).toBe('node -r ./scripts/swc-register.js src/check-config.ts && npm run build');
  });

  it('fails with every problem, naming each variable', () => {
    const { code, stderr } = checkConfig({ PORT: 'x', HOST: 'nope' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT="x": expected a whole number from 0 to 65535');
    expect(stderr).toContain('HOST="nope": expected an IP address of this machine');
  });

  it('passes silently on a valid environment', () => {
    expect(checkConfig({ PORT: '0' })).toEqual({ code: 0, stderr: '' });
  });
});
