import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';

export interface LoopbackServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** A dispatcher of the test's own, closed with the server. */
  dispatcher: Agent;
  close(): Promise<void>;
}

/** A purpose-built upstream on 127.0.0.1, port 0, answering with `handler`. */
export async function startLoopbackServer(handler: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dispatcher = new Agent();
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dispatcher,
    async close() {
      await dispatcher.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
