import { createServer, type Server } from 'node:http';
import { request, type Dispatcher } from 'undici';

/**
 * The physical floor of one extra HTTP hop: forwards a GET's path and Authorization header to the
 * upstream over a keep-alive undici pool, buffers the answer and sends it back with its status and
 * content type. No parsing, no validation, no logging: whatever the gateway costs beyond this is
 * GraphQL's and ours.
 */
export function createBareProxy(upstreamOrigin: string, dispatcher: Dispatcher): Server {
  return createServer(async (req, res) => {
    try {
      const answer = await request(`${upstreamOrigin}${req.url ?? '/'}`, {
        method: 'GET',
        headers: { authorization: req.headers.authorization ?? '', accept: 'application/json' },
        dispatcher,
      });
      const body = Buffer.from(await answer.body.arrayBuffer());
      const contentType = answer.headers['content-type'];
      res.writeHead(answer.statusCode, { 'content-type': typeof contentType === 'string' ? contentType : 'application/json', 'content-length': body.length });
      res.end(body);
    } catch (error: unknown) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bare proxy: ${(error as Error).message}`);
    }
  });
}
