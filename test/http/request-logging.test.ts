import Fastify from 'fastify';
import { connect } from 'node:net';
import { registerRequestLogging, withoutFastifyRequestLines, type RequestLoggingOptions } from '../../src/http/request-logging';

async function loggingApp(level: string, options?: RequestLoggingOptions) {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  const app = Fastify({ logController: withoutFastifyRequestLines(), logger: { level, stream }, genReqId: () => 'req-1' });
  registerRequestLogging(app, options);
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/slow', () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 300)));
  return { app, lines };
}

describe('request logging', () => {
  it('writes one "request completed" line per request at info, with its id, method, path, status and time, and no headers', async () => {
    const { app, lines } = await loggingApp('info');
    await app.inject({ method: 'GET', url: '/health?x=1', headers: { authorization: 'Bearer secret-token' } });
    await app.close();
    expect(lines).toEqual([expect.objectContaining({ level: 30, reqId: 'req-1', msg: 'request completed', method: 'GET', url: '/health?x=1', statusCode: 200, responseTime: expect.any(Number) })]);
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('adds the "incoming request" line at debug, when asked to', async () => {
    const { app, lines } = await loggingApp('debug', { incomingLines: true });
    await app.inject({ method: 'GET', url: '/health?x=1' });
    await app.close();
    expect(lines.map((l) => [l.level, l.msg, l.url])).toEqual([
      [20, 'incoming request', '/health?x=1'],
      [30, 'request completed', '/health?x=1'],
    ]);
  });

  it('writes a "request aborted" line for a client that leaves before its answer (over real HTTP)', async () => {
    const { app, lines } = await loggingApp('info');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('GET /slow?variables=secret HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await app.close();
    const ofRequest = lines.filter((l) => l.reqId === 'req-1');
    expect(ofRequest).toEqual([expect.objectContaining({ level: 30, msg: expect.stringMatching(/^request aborted/), method: 'GET', url: '/slow?variables=[6 chars omitted]' })]);
  });

  it('writes nothing above info', async () => {
    const { app, lines } = await loggingApp('warn');
    await app.inject({ method: 'GET', url: '/health' });
    await app.close();
    expect(lines).toEqual([]);
  });
});
