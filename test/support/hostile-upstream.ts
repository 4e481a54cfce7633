import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Agent } from 'undici';

export interface HostileUpstream {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Paths (with query) of every request that arrived, in order. */
  requests: string[];
  /** How the next requests are answered; replace it per test. */
  answer: (request: IncomingMessage, response: ServerResponse) => void;
  /**
   * A dispatcher that connects every origin (https ones too, in plain HTTP) to this server: lets
   * a gateway configured for a non-loopback upstream run against it, with all traffic on loopback.
   */
  dispatcher: Agent;
  close(): Promise<void>;
}

/** A purpose-built upstream on 127.0.0.1, port 0, answering whatever a test makes it answer. */
export async function startHostileUpstream(): Promise<HostileUpstream> {
  const requests: string[] = [];
  const upstream = {
    requests,
    answer: (_request: IncomingMessage, response: ServerResponse) => void response.writeHead(404).end(),
  } as HostileUpstream;
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    request.resume();
    request.on('end', () => upstream.answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  upstream.origin = `http://127.0.0.1:${port}`;
  upstream.dispatcher = new Agent({
    connect: (_options, callback) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
    },
  });
  upstream.close = async () => {
    await upstream.dispatcher.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return upstream;
}
