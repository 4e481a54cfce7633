import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { spawnGateway, type GatewayProcess } from '../support/gateway-process';

jest.setTimeout(30_000);

/** A loopback port held by another server for the length of a test. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

async function freePort(): Promise<number> {
  const { port, server } = await holdPort();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const gateway = spawnGateway(env);
  const code = await gateway.exited;
  return { code, output: gateway.output() };
}

async function stop(gateway: GatewayProcess): Promise<void> {
  gateway.child.kill('SIGTERM');
  await gateway.exited;
}

/** The process printed a message, not a stack trace. */
const STACK_FRAME = /^\s+at /m;

describe('start-up messages name the setting to change', () => {
  it('a busy PORT: names PORT and how to pick a free one', async () => {
    const held = await holdPort();
    try {
      const { code, output } = await failedStart({ PORT: String(held.port) });
      expect(code).toBe(1);
      expect(output).toContain(`PORT=${held.port} is already in use on 127.0.0.1 (EADDRINUSE): stop the process holding it, or set PORT to a free port (PORT=0 picks one)`);
      expect(output).not.toMatch(STACK_FRAME);
    } finally {
      held.server.close();
    }
  });

  it('a HOST that is not an address: names HOST, before any lookup', async () => {
    const { code, output } = await failedStart({ PORT: '0', HOST: 'nope' });
    expect(code).toBe(1);
    expect(output).toContain('HOST="nope": expected an IP address of this machine to listen on');
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('an unknown GRAPHQL_EXECUTION: names the setting and its two values', async () => {
    const { code, output } = await failedStart({ PORT: '0', GRAPHQL_EXECUTION: 'jit' });
    expect(code).toBe(1);
    expect(output).toContain('GRAPHQL_EXECUTION="jit": expected one of compiled, graphql-js');
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('a HOST address this machine does not have: names HOST', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): bind() fails locally, no packet is sent.
    const { code, output } = await failedStart({ PORT: '0', HOST: '192.0.2.1' });
    expect(code).toBe(1);
    expect(output).toContain('HOST="192.0.2.1" is not an address of this machine (EADDRNOTAVAIL): set HOST to an address of this machine');
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('a busy EMULATOR_PORT: names EMULATOR_PORT', async () => {
    const held = await holdPort();
    try {
      const { code, output } = await failedStart({ PORT: '0', EMULATOR_PORT: String(held.port) });
      expect(code).toBe(1);
      expect(output).toContain(`EMULATOR_PORT=${held.port} is already in use on 127.0.0.1 (EADDRINUSE)`);
    } finally {
      held.server.close();
    }
  });

  it('EMULATOR_PORT fixes the embedded emulator port; the banner suggests the sample mutation', async () => {
    const port = await freePort();
    const gateway = spawnGateway({ PORT: '0', EMULATOR_PORT: String(port) });
    try {
      await gateway.url;
      expect(gateway.output()).toContain(`Upstream: embedded emulator at http://127.0.0.1:${port}/beta (sample data, reset at each start; any bearer token works)`);
      expect(gateway.output()).toContain('updateOffice365ActivationCounts(id: \\"big-numbers\\"');
    } finally {
      await stop(gateway);
    }
  });

  it('a GRAPH_BASE_URL without /v1.0 or /beta: warns naming GRAPH_BASE_URL; the banner makes no emulator suggestion', async () => {
    // Nothing calls the upstream at start; the address is loopback anyway.
    const gateway = spawnGateway({ PORT: '0', GRAPH_BASE_URL: 'http://127.0.0.1:9' });
    try {
      await gateway.url;
      const output = gateway.output();
      expect(output).toContain('Warning: GRAPH_BASE_URL="http://127.0.0.1:9" does not end in a Graph version segment (/v1.0 or /beta)');
      expect(output).toContain('set GRAPH_BASE_URL=http://127.0.0.1:9/v1.0');
      expect(output).toContain('Upstream: http://127.0.0.1:9 (each request');
      expect(output).toContain('office365ActivationCountsReport');
      expect(output).not.toMatch(/big-numbers|emulator|sample/);
    } finally {
      await stop(gateway);
    }
  });
});
