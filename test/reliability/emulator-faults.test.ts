import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';
import { startEmulator } from '../../emulator/emulator';
import { loadEmulatorOptions } from '../../emulator/emulator-config';
import type { EmulatorRequest } from '../../emulator/emulator.types';
import { FaultInjector } from '../../emulator/faults';
import { RandomFaults } from '../../emulator/random-faults';

const ROOT = join(__dirname, '..', '..');
const GET: EmulatorRequest = { method: 'GET', path: '/reports/office365ActivationCounts/x', query: new URLSearchParams(), headers: {}, bodyText: '', version: 'v1.0', transport: 'http' };

describe('random fault mode (ChaosHandler-style)', () => {
  it('replays the same sequence for the same seed', () => {
    const run = () => {
      const faults = new RandomFaults({ rate: 0.3, seed: 42 });
      return Array.from({ length: 200 }, () => faults.pick(GET)?.status ?? 0);
    };
    expect(run()).toEqual(run());
  });

  it('fails about the configured share, only with the Graph pool statuses, 429s with Retry-After', () => {
    const faults = new RandomFaults({ rate: 0.1, seed: 7, retryAfterSeconds: 2 });
    const answers = Array.from({ length: 5_000 }, () => faults.pick(GET)).filter((a) => a !== undefined);
    // Seeded, so this is a fixed number; the bounds document what "10 %" means.
    expect(answers.length).toBeGreaterThan(400);
    expect(answers.length).toBeLessThan(600);
    expect(new Set(answers.map((a) => a!.status))).toEqual(new Set([429, 500, 502, 503, 504]));
    for (const a of answers.filter((x) => x!.status === 429)) expect(a!.headers['retry-after']).toBe('2');
    expect(answers.every((a) => (a!.body as { error: { code: string } }).error.code.length > 0)).toBe(true);
  });

  it('adds 507 to the pool for POST, as ChaosHandler does', () => {
    const faults = new RandomFaults({ rate: 1, seed: 1 });
    const statuses = new Set(Array.from({ length: 300 }, () => faults.pick({ ...GET, method: 'POST' })!.status));
    expect(statuses).toEqual(new Set([429, 500, 502, 503, 504, 507]));
  });

  it('refuses a rate outside 0..1 with a message naming it', () => {
    expect(() => new RandomFaults({ rate: 10 })).toThrow('random fault rate must be between 0 and 1, got 10');
  });

  it('lets manual rules win over random mode, counts what it injected, and clear() turns everything off', () => {
    const injector = new FaultInjector().configure({ random: { rate: 1, seed: 3 } });
    injector.add({ method: 'GET', times: 1, action: { kind: 'hang' } });
    expect(injector.take(GET)).toEqual({ kind: 'hang' });
    expect(injector.take(GET)).toMatchObject({ kind: 'respond' });
    expect([...injector.injected.values()].reduce((a, b) => a + b, 0)).toBe(2);
    injector.clear();
    expect(injector.take(GET)).toBeUndefined();
  });
});

describe('emulator fault options over HTTP', () => {
  it('answers every request from the pools at rate 1, and adds the configured latency', async () => {
    const emulator = await startEmulator({ faults: { random: { rate: 1, seed: 5 }, latencyMs: 150 } });
    try {
      const started = Date.now();
      const response = await request(`${emulator.baseUrl('v1.0')}/reports/office365ActivationCounts/proplus`, { headers: { authorization: 'Bearer x' } });
      await response.body.dump();
      expect([429, 500, 502, 503, 504]).toContain(response.statusCode);
      expect(Date.now() - started).toBeGreaterThanOrEqual(145); // a lower bound: the delay really happened
    } finally {
      await emulator.close();
    }
  });
});

describe('standalone emulator configuration (npm run emulator)', () => {
  it('has documented defaults', () => {
    expect(loadEmulatorOptions({})).toEqual({ port: 4010, host: '127.0.0.1', resourcePath: '/reports/office365ActivationCounts', faults: { latencyMs: 0, random: undefined } });
  });

  it('reads the fault rate as a percent, the seed, Retry-After and latency', () => {
    expect(loadEmulatorOptions({ EMULATOR_PORT: '0', EMULATOR_FAULT_RATE: '10', EMULATOR_FAULT_SEED: '99', EMULATOR_RETRY_AFTER_SECONDS: '1', EMULATOR_LATENCY_MS: '25' })).toMatchObject({
      port: 0,
      faults: { latencyMs: 25, random: { rate: 0.1, seed: 99, retryAfterSeconds: 1 } },
    });
  });

  it('reports every bad variable at once, naming it and what is expected', () => {
    expect(() => loadEmulatorOptions({ EMULATOR_FAULT_RATE: '150', EMULATOR_LATENCY_MS: 'slow' })).toThrow(
      /EMULATOR_FAULT_RATE="150": expected a number from 0 to 100[\s\S]*EMULATOR_LATENCY_MS="slow": expected a whole number/,
    );
  });

  it('starts as its own process with faults from the environment and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'swc-register.js'), join(ROOT, 'emulator', 'main.ts')], {
      env: { ...process.env, EMULATOR_PORT: '0', EMULATOR_FAULT_RATE: '100', EMULATOR_FAULT_SEED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let text = '';
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        text += c.toString();
        const m = /listening: (http:\/\/\S+\/v1\.0)/.exec(text);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`emulator exited early:\n${text}`)));
    });
    expect(text).toMatch(/Faults: 100 % random from the Graph status pools, seed 1/);
    const response = await request(`${baseUrl}/reports/office365ActivationCounts/proplus`, { headers: { authorization: 'Bearer x' } });
    await response.body.dump();
    expect([429, 500, 502, 503, 504]).toContain(response.statusCode);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
