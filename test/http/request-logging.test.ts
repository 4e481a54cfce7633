import Fastify from 'fastify';
import { registerRequestLogging, withoutFastifyRequestLines } from '../../src/http/request-logging';

describe('request logging', () => {
  it('writes one "incoming request" and one "request completed" line per request, with its id and no headers', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
    const app = Fastify({ logController: withoutFastifyRequestLines(), logger: { level: 'info', stream }, genReqId: () => 'req-1' });
    registerRequestLogging(app);
    app.get('/health', async () => ({ status: 'ok' }));
    await app.inject({ method: 'GET', url: '/health?x=1', headers: { authorization: 'Bearer secret-token' } });
    await app.close();
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, reqId: 'req-1', msg: 'incoming request', method: 'GET', url: '/health?x=1' }),
      expect.objectContaining({ level: 30, reqId: 'req-1', msg: 'request completed', statusCode: 200, responseTime: expect.any(Number) }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('writes nothing above info', async () => {
    const lines: string[] = [];
    const app = Fastify({ logController: withoutFastifyRequestLines(), logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } } });
    registerRequestLogging(app);
    app.get('/health', async () => ({ status: 'ok' }));
    await app.inject({ method: 'GET', url: '/health' });
    await app.close();
    expect(lines).toEqual([]);
  });
});
