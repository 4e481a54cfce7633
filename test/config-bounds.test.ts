import { ConfigError, loadConfig } from '../src/config';

describe('configuration of the bounds', () => {
  it.each<[Record<string, string>, RegExp]>([
    [{ MAX_IDS_PER_OPERATION: '0' }, /MAX_IDS_PER_OPERATION="0": expected a whole number from 1 to 100000/], // no operation could read anything
    [{ HTTP_REQUEST_TIMEOUT_MS: '50' }, /HTTP_REQUEST_TIMEOUT_MS="50": expected a whole number from 100/], // too short for any real client
    [{ MAX_CONNECTIONS: 'many' }, /MAX_CONNECTIONS="many"/], // not a number
    [{ MAX_INTROSPECTION_DEPTH: '0' }, /MAX_INTROSPECTION_DEPTH="0"/], // nothing could be introspected
    [{ GRAPH_TIMEOUT_MS: '30000', HTTP_CONNECTION_TIMEOUT_MS: '20000' }, /HTTP_CONNECTION_TIMEOUT_MS=20000 is not above GRAPH_TIMEOUT_MS=30000 plus MAX_OPERATION_WAIT_MS=10000/], // sockets would die mid-operation
    [{ GRAPH_TIMEOUT_MS: '10000', MAX_OPERATION_WAIT_MS: '50000' }, /HTTP_CONNECTION_TIMEOUT_MS=60000 is not above GRAPH_TIMEOUT_MS=10000 plus MAX_OPERATION_WAIT_MS=50000/], // sockets would die while waiting for a turn
    [{ MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: '0' }, /MAX_OPERATIONS_IN_FLIGHT_PER_CALLER="0": expected a whole number from 1 to 10000/], // no operation would ever run
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the bounds', () => {
    expect(loadConfig({ MAX_IDS_PER_OPERATION: '200', HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_CONNECTION_TIMEOUT_MS: '20000', MAX_CONNECTIONS: '10', MAX_INTROSPECTION_FIELDS: '1', MAX_INTROSPECTION_DEPTH: '20', MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: '4', MAX_OPERATION_WAIT_MS: '2000' })).toMatchObject({
      maxIdsPerOperation: 200,
      httpRequestTimeoutMs: 5000,
      httpConnectionTimeoutMs: 20000,
      maxConnections: 10,
      maxOperationsPerCaller: 4,
      maxOperationWaitMs: 2000,
      queryLimits: { maxIntrospectionFields: 1, maxIntrospectionDepth: 20 },
    });
  });

  it('lets the operations per caller follow the caller\'s upstream share unless set', () => {
    expect(loadConfig({}).maxOperationsPerCaller).toBe(8);
    expect(loadConfig({ MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '20' }).maxOperationsPerCaller).toBe(20);
    expect(loadConfig({ MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '20', MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: '5' }).maxOperationsPerCaller).toBe(5);
  });
});
