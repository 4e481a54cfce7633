import { eventually, pollUntil } from './polling';

describe('pollUntil', () => {
  it('answers true as soon as the condition holds, checking no further', async () => {
    let checks = 0;
    expect(await pollUntil(() => ++checks === 3, { intervalMs: 1, attempts: 10 })).toBe(true);
    expect(checks).toBe(3);
  });

  it('answers false after the given number of checks', async () => {
    let checks = 0;
    expect(await pollUntil(() => (checks++, false), { intervalMs: 1, attempts: 4 })).toBe(false);
    expect(checks).toBe(4);
  });

  it('awaits an asynchronous condition', async () => {
    let checks = 0;
    expect(await pollUntil(async () => ++checks === 2, { intervalMs: 1, timeoutMs: 1_000 })).toBe(true);
  });

  it('refuses a poll without any limit', async () => {
    await expect(pollUntil(() => false, { intervalMs: 1 })).rejects.toThrow(/needs timeoutMs or attempts/);
  });
});

describe('eventually', () => {
  it('fails naming what it waited for', async () => {
    await expect(eventually('the moon turns blue', () => false, 30)).rejects.toThrow('timed out waiting until the moon turns blue');
  });
});
