import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { OperationScope } from '../../src/msgraph/operation-scope';
import { createTransport } from '../../src/msgraph/transport';
import type { UpstreamCall } from '../../src/msgraph/upstream-call';
import { UpstreamFailure } from '../../src/msgraph/upstream-failure';
import { pathWithoutQueryValues } from '../../src/msgraph/upstream-hooks';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A purpose-built upstream: each path answers in one way a real upstream can misbehave. */
const ROUTES: Record<string, Route> = {
  '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'r-1' }).end('{"windows":9007199254740993}'),
  '/csv': (_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end('a,b\n1,2\n'),
  '/not-json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"oops'),
  '/error-garbage': (_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('<html>'),
  '/big': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(2048)),
  '/reset': (req) => req.socket.destroy(),
  '/hang': () => undefined,
};

describe('the transport answers every status and throws only typed failures', () => {
  let server: Server;
  let origin: string;
  let dispatcher: Agent;
  beforeAll(async () => {
    server = createServer((req, res) => (ROUTES[req.url!] ?? ((_q, r) => r.writeHead(404).end()))(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dispatcher = new Agent();
  });
  afterAll(async () => {
    await dispatcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const transport = () => createTransport({ dispatcher, maxResponseBytes: 1024 });
  const call = (path: string, scope = new OperationScope(2000, undefined)): UpstreamCall => ({ method: 'GET', url: `${origin}${path}`, path, headers: {}, attempt: 1, scope });
  const failureOf = async (promise: Promise<unknown>): Promise<UpstreamFailure> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailure);
    return error as UpstreamFailure;
  };

  it('parses a JSON answer losslessly and reports its status, headers and byte count', async () => {
    const response = await transport()(call('/ok'));
    expect(response).toMatchObject({ status: 200, headers: { 'request-id': 'r-1' }, body: { windows: 9007199254740993n }, bytes: 28 });
  });

  it('keeps a non-JSON body as text only', async () => {
    expect(await transport()(call('/csv'))).toMatchObject({ status: 200, text: 'a,b\n1,2\n', body: undefined });
  });

  it.each<[string, string, number | undefined]>([
    ['/not-json', 'INVALID_JSON', 200], // a success whose body does not parse
    ['/big', 'BODY_TOO_LARGE', 200], // 2048 bytes against a 1024-byte cap
    ['/reset', 'NETWORK', undefined], // the connection closed without an answer
  ])('%s fails with %s', async (path, code, status) => {
    const failure = await failureOf(transport()(call(path)));
    expect(failure.code).toBe(code);
    expect(failure.status).toBe(status);
  });

  it('keeps the status of an error answer whose body is garbage', async () => {
    expect(await transport()(call('/error-garbage'))).toMatchObject({ status: 500, body: undefined, text: '<html>' });
  });

  it('fails with DEADLINE_EXCEEDED when the budget ends first, CALLER_GONE when the caller leaves first', async () => {
    expect((await failureOf(transport()(call('/hang', new OperationScope(100, undefined))))).code).toBe('DEADLINE_EXCEEDED');
    const caller = new AbortController();
    const pending = transport()(call('/hang', new OperationScope(5000, caller.signal)));
    setTimeout(() => caller.abort(), 50);
    expect((await failureOf(pending)).code).toBe('CALLER_GONE');
  });

  it('does not start a call once the budget is used up', async () => {
    const spent = new OperationScope(0, undefined);
    expect((await failureOf(transport()(call('/ok', spent)))).code).toBe('DEADLINE_EXCEEDED');
  });
});

describe('pathWithoutQueryValues', () => {
  it.each([
    ['/reports/x/abc', '/reports/x/abc'], // no query
    ['/reports/x/abc?$select=id,mac', '/reports/x/abc?$select'],
    ['/reports/x?$top=5&$skiptoken=SECRET', '/reports/x?$top&$skiptoken'], // an opaque token never shown
    ['/reports/x?', '/reports/x'], // empty query
    ['/download/t.csv?sig=abc=def', '/download/t.csv?sig'], // '=' inside a value
  ])('%s → %s', (path, expected) => {
    expect(pathWithoutQueryValues(path)).toBe(expected);
  });
});
