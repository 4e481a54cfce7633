import { createBareProxy } from './bare-proxy';
import { createUpstreamDispatcher } from '../../src/msgraph/dispatcher';

/**
 * The bare proxy in its own process, like the gateway: PROXY_UPSTREAM is the emulator's origin,
 * PORT where to listen. Uses the gateway's own pool settings, so the hop costs the same on both.
 */
const upstream = process.env.PROXY_UPSTREAM;
const port = Number(process.env.PORT ?? 0);
if (!upstream) {
  process.stderr.write('PROXY_UPSTREAM is required (e.g. http://127.0.0.1:4010)\n');
  process.exit(1);
}
const server = createBareProxy(upstream, createUpstreamDispatcher());
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
