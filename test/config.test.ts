import { ConfigError, configWarnings, loadConfig } from '../src/config';

describe('configuration', () => {
  it('has documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      emulatorPort: 0,
      graphBaseUrl: undefined,
      graphResourcePath: '/reports/office365ActivationCounts',
      graphTimeoutMs: 10_000,
      graphMaxRetries: 3,
      maxIdsPerQuery: 500,
      maxOperationsPerCaller: 8,
      maxOperationWaitMs: 10000,
      graphqlExecution: 'compiled',
      maxIdsPerOperation: 1_000,
      cursorSecret: expect.any(Buffer),
      cursorSecretConfigured: false,
      httpRequestTimeoutMs: 10_000,
      httpConnectionTimeoutMs: 60_000,
      maxConnections: 1_024,
      upstreamBudget: {
        operation: { maxRequests: 100, maxBatchesInFlight: 4, maxBytes: 32 * 1024 * 1024 },
        admission: { maxConcurrent: 64, maxPerCaller: 8, maxPerCallerBurst: 56, maxQueued: 256 },
      },
      corsOrigins: [],
      introspection: true,
      development: false,
      logLevel: 'info',
      queryLimits: { maxDepth: 8, maxAliases: 50, maxCost: 100_000, maxDirectives: 50, maxTokens: 5_000, maxIntrospectionFields: 3, maxIntrospectionDepth: 15 },
      shutdownTimeoutMs: 15_000,
      readyTimeoutMs: 2_000,
      reportCache: { scope: 'caller', freshSeconds: 600, staleSeconds: 3600, proofMaxSeconds: 3600, maxEntries: 1000, maxBytes: 16 * 1024 * 1024 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0', GRAPH_BASE_URL: 'https://graph.microsoft.com/beta/', GRAPH_RESOURCE_PATH: '/custom/path', GRAPH_TIMEOUT_MS: '2500',
      GRAPH_MAX_RETRIES: '0', CORS_ORIGINS: 'https://a.example, http://localhost:3000', INTROSPECTION: 'false', NODE_ENV: 'development', LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 0, graphBaseUrl: 'https://graph.microsoft.com/beta', graphResourcePath: '/custom/path', graphTimeoutMs: 2500, graphMaxRetries: 0,
      corsOrigins: ['https://a.example', 'http://localhost:3000'], introspection: false, development: true, logLevel: 'warn',
    });
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ PORT: 'eighty' }, /PORT="eighty": expected a whole number from 0 to 65535/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ GRAPH_TIMEOUT_MS: '-1' }, /GRAPH_TIMEOUT_MS="-1": expected a whole number/],
    [{ GRAPH_MAX_RETRIES: '11' }, /GRAPH_MAX_RETRIES="11": expected a whole number from 0 to 10/],
    [{ GRAPH_BASE_URL: 'graph.microsoft.com' }, /expected an absolute URL/],
    [{ GRAPH_BASE_URL: 'http://graph.microsoft.com/v1.0' }, /expected https \(http is allowed only for localhost/], // tokens never in clear text
    [{ GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0?x=1' }, /must not carry a query/],
    [{ GRAPH_RESOURCE_PATH: 'reports/x' }, /GRAPH_RESOURCE_PATH="reports\/x": expected a path/],
    [{ GRAPH_RESOURCE_PATH: '/reports/../x' }, /GRAPH_RESOURCE_PATH/],
    [{ CORS_ORIGINS: 'https://a.example/path' }, /CORS_ORIGINS entry "https:\/\/a.example\/path"/],
    [{ INTROSPECTION: 'maybe' }, /INTROSPECTION="maybe": expected true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud": expected one of/],
    [{ HOST: 'nope' }, /HOST="nope": expected an IP address of this machine to listen on \(127\.0\.0\.1 for this machine only, 0\.0\.0\.0 or :: for every interface\) or localhost/], // caught before any DNS lookup
    [{ HOST: '[::1]' }, /HOST="\[::1\]": expected an IP address/], // an address, without URL brackets
    [{ EMULATOR_PORT: '99999' }, /EMULATOR_PORT="99999": expected a whole number from 0 to 65535/],
  ])('refuses %p with a message naming the variable and what is expected', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', GRAPH_MAX_RETRIES: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error: unknown) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('allows plain http only to loopback upstreams', () => {
    expect(loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:8080/v1.0' }).graphBaseUrl).toBe('http://127.0.0.1:8080/v1.0');
    expect(loadConfig({ GRAPH_BASE_URL: 'http://localhost:8080/beta' }).graphBaseUrl).toBe('http://localhost:8080/beta');
  });

  it.each(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'])('listens on HOST=%s', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it('reads EMULATOR_PORT for the embedded emulator (default 0: a free port at each start)', () => {
    expect(loadConfig({ EMULATOR_PORT: '4010' }).emulatorPort).toBe(4010);
  });
});

describe('configuration warnings', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0', []],
    ['https://graph.microsoft.com/beta/', []],
    [undefined, []], // the embedded emulator
  ])('has none for GRAPH_BASE_URL=%s', (base, expected) => {
    expect(configWarnings(loadConfig({ GRAPH_BASE_URL: base }))).toEqual(expected);
  });

  it.each([
    ['https://graph.microsoft.com', 'https://graph.microsoft.com/v1.0'], // the version forgotten
    ['https://graph.microsoft.com/v2.0', 'https://graph.microsoft.com/v2.0/v1.0'], // not a Graph version
  ])('warns that GRAPH_BASE_URL=%s lacks /v1.0 or /beta, naming the setting and a fix', (base, suggestion) => {
    const [warning, ...rest] = configWarnings(loadConfig({ GRAPH_BASE_URL: base }));
    expect(rest).toEqual([]);
    expect(warning).toContain(`GRAPH_BASE_URL="${base}" does not end in a Graph version segment (/v1.0 or /beta)`);
    expect(warning).toContain(`set GRAPH_BASE_URL=${suggestion}`);
  });
});
