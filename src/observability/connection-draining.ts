import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Once shutdown begins, every answer still being sent carries `Connection: close`. Without it a
 * keep-alive client holds its socket open after its last answer, and `server.close()` waits for
 * that socket's idle timeout (seconds) before the process can exit. New connections are already
 * refused by then, and requests on open sockets get Fastify's 503.
 *
 * Sockets that connected but never sent a byte (load balancers open them ahead of use) are closed
 * when shutdown begins: Node's closeIdleConnections, which Fastify calls for idle keep-alive
 * sockets, does not count them (measured on Node 20: `server.close()` waited for them until
 * HTTP_CONNECTION_TIMEOUT_MS, 10 s, and so did the process's exit). A socket with bytes read is
 * left alone: it carries a request, or the start of one, which gets its answer.
 */
export function closeConnectionsWhenStopping(app: FastifyInstance): void {
  let stopping = false;
  // Per connection, not per request: a keep-alive socket is added once.
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  app.addHook('preClose', (done) => {
    stopping = true;
    for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
    done();
  });
  // A callback hook, not an async one: every answer passes here, and costs no promise.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
  });
}
