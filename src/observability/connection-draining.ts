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
  // A callback hook, not an async one: every answer passes here, and costs no promise.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
  });
}
