import type { FastifyInstance } from 'fastify';

/**
 * Once shutdown begins, every answer still being sent carries `Connection: close`. Without it a
 * keep-alive client holds its socket open after its last answer, and `server.close()` waits for
 * that socket's idle timeout (seconds) before the process can exit. New connections are already
 * refused by then, and requests on open sockets get Fastify's 503.
 */
export function closeConnectionsWhenStopping(app: FastifyInstance): void {
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (stopping) reply.header('connection', 'close');
    return payload;
  });
}
