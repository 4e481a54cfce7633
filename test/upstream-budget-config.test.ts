import { ConfigError, DEFAULTS, loadConfig } from '../src/config';

describe('upstream budget settings', () => {
  it('defaults to the documented limits when none is set', () => {
    expect(loadConfig({}).upstreamBudget).toEqual({
      operation: { maxRequests: 100, maxBatchesInFlight: 4, maxBytes: 32 * 1024 * 1024 },
      admission: { maxConcurrent: 64, maxPerCaller: 8, maxPerCallerBurst: 56, maxQueued: 256 },
    });
    expect(DEFAULTS.maxUpstreamRequestsPerOperation).toBe(100);
  });

  it('lets a caller alone burst to all of the pool but one share by default, following both settings', () => {
    expect(loadConfig({ MAX_UPSTREAM_CONCURRENCY: '20', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '5' }).upstreamBudget.admission.maxPerCallerBurst).toBe(15);
    // A share that is the whole pool leaves nothing to borrow: the burst is the share.
    expect(loadConfig({ MAX_UPSTREAM_CONCURRENCY: '8', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '8' }).upstreamBudget.admission.maxPerCallerBurst).toBe(8);
    // Set to the share, it is a hard cap.
    expect(loadConfig({ MAX_UPSTREAM_BURST_PER_CALLER: '8' }).upstreamBudget.admission).toMatchObject({ maxPerCaller: 8, maxPerCallerBurst: 8 });
  });

  it('reads every variable, the others keeping their defaults', () => {
    const config = loadConfig({ MAX_UPSTREAM_REQUESTS_PER_OPERATION: '7', MAX_BATCHES_IN_FLIGHT_PER_OPERATION: '2', MAX_UPSTREAM_BYTES_PER_OPERATION: '4096', MAX_UPSTREAM_QUEUE: '0' });
    expect(config.upstreamBudget).toEqual({
      operation: { maxRequests: 7, maxBatchesInFlight: 2, maxBytes: 4096 },
      admission: { maxConcurrent: 64, maxPerCaller: 8, maxPerCallerBurst: 56, maxQueued: 0 },
    });
  });

  it.each([
    [{ MAX_UPSTREAM_REQUESTS_PER_OPERATION: '0' }, 'MAX_UPSTREAM_REQUESTS_PER_OPERATION="0": expected a whole number from 1 to 100000'], // no request at all could be sent
    [{ MAX_BATCHES_IN_FLIGHT_PER_OPERATION: '1.5' }, 'MAX_BATCHES_IN_FLIGHT_PER_OPERATION="1.5": expected a whole number'], // not whole
    [{ MAX_UPSTREAM_BYTES_PER_OPERATION: '100' }, 'MAX_UPSTREAM_BYTES_PER_OPERATION="100": expected a whole number from 1024'], // below one small answer
    [{ MAX_UPSTREAM_CONCURRENCY: '4', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '8' }, 'MAX_UPSTREAM_CONCURRENCY_PER_CALLER=8 is above MAX_UPSTREAM_CONCURRENCY=4'], // a share larger than the whole
    [{ MAX_UPSTREAM_BURST_PER_CALLER: '4' }, 'MAX_UPSTREAM_BURST_PER_CALLER=4: expected at least MAX_UPSTREAM_CONCURRENCY_PER_CALLER (8, a hard cap)'], // a burst below the share
    [{ MAX_UPSTREAM_BURST_PER_CALLER: '65' }, 'and at most MAX_UPSTREAM_CONCURRENCY (64)'], // more than the pool
  ])('refuses %p, naming the variable', (env, message) => {
    const error = (() => {
      try {
        loadConfig(env);
      } catch (e: unknown) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(message);
  });
});
