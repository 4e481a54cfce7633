import type { FastifyInstance } from 'fastify';

/**
 * Node's `requestTimeout` stops counting once the headers are in (measured: a body trickling one
 * byte every 200 ms stayed open indefinitely), and `connectionTimeout` only catches a silent
 * socket. So the whole request, body included, gets a deadline here: past it, the socket is
 * answered 408 and closed. Requests whose body is complete are not touched, whatever the
 * operation then takes upstream.
 */
export function enforceRequestDeadline(app: FastifyInstance, requestTimeoutMs: number): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const incoming = request.raw;
    if (!incoming.complete) {
      const timer = setTimeout(() => {
        if (incoming.complete) return;
        request.log.warn({ requestTimeoutMs }, 'request body did not arrive in time; connection closed');
        const socket = incoming.socket;
        // The reply object cannot answer while Fastify is still reading the body: write on the socket.
        if (socket.writable) socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        socket.destroySoon();
      }, requestTimeoutMs);
      timer.unref();
      const stop = (): void => clearTimeout(timer);
      incoming.once('end', stop);
      incoming.once('close', stop);
    }
    done();
  });
}
