import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { createUpstreamDispatcher } from '../../src/msgraph/dispatcher';
import { OperationScope } from '../../src/msgraph/operation-scope';
import { createTransport } from '../../src/msgraph/transport';
import { lookupRefusingInternalAddresses, type ResolveAll } from '../../src/security/connect-lookup';

/** A resolver that answers from a table, as a rebinding DNS server would answer the connect. */
function resolverOf(table: Record<string, string[]>): ResolveAll {
  return (hostname, _options, callback) => {
    const addresses = table[hostname];
    if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

function lookupOnce(lookup: ReturnType<typeof lookupRefusingInternalAddresses>, hostname: string, all: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    lookup(hostname, { all }, (error, address, family) => (error ? reject(error) : resolve(all ? address : [address, family])));
  });
}

describe('the connect-time lookup of upstream sockets', () => {
  const resolve = resolverOf({
    'graph.example': ['20.190.151.68'],
    'rebind.example': ['20.190.151.69', '127.0.0.1'],
    'metadata.example': ['169.254.169.254'],
    'mapped.example': ['::ffff:10.0.0.7'],
    'proxy.internal': ['10.1.2.3'],
  });
  const lookup = lookupRefusingInternalAddresses((host) => host === 'proxy.internal', resolve);

  it.each(['rebind.example', 'metadata.example', 'mapped.example'])('refuses %s, which resolves to an internal address, with EINTERNALADDRESS', async (host) => {
    await expect(lookupOnce(lookup, host, true)).rejects.toMatchObject({ code: 'EINTERNALADDRESS', message: expect.stringContaining(host) });
    await expect(lookupOnce(lookup, host, false)).rejects.toMatchObject({ code: 'EINTERNALADDRESS' });
  });

  it('passes public addresses, in the form asked for', async () => {
    await expect(lookupOnce(lookup, 'graph.example', true)).resolves.toEqual([{ address: '20.190.151.68', family: 4 }]);
    await expect(lookupOnce(lookup, 'graph.example', false)).resolves.toEqual(['20.190.151.68', 4]);
  });

  it('lets the trusted host (the configured upstream) resolve to a private address', async () => {
    await expect(lookupOnce(lookup, 'proxy.internal', false)).resolves.toEqual(['10.1.2.3', 4]);
  });

  it('passes a resolution failure on as it is', async () => {
    await expect(lookupOnce(lookup, 'nowhere.example', false)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  describe('in the upstream pool, over real HTTP', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((_req, res) => res.end('reached'));
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise((done) => server.close(done));
    });

    it('does not connect to a name that resolves to loopback at connect time', async () => {
      const dispatcher = createUpstreamDispatcher({ lookup: lookupRefusingInternalAddresses(() => false, resolverOf({ 'download.example': ['127.0.0.1'] })) });
      try {
        await expect(request(`http://download.example:${port}/report.csv`, { dispatcher })).rejects.toMatchObject({ code: 'EINTERNALADDRESS' });
      } finally {
        await dispatcher.close();
      }
    });

    it('fails the transport\'s call with a NETWORK failure that says which host resolved where', async () => {
      const dispatcher = createUpstreamDispatcher({ lookup: lookupRefusingInternalAddresses(() => false, resolverOf({ 'download.example': ['127.0.0.1'] })) });
      try {
        const url = `http://download.example:${port}/report.csv`;
        const call = { method: 'GET' as const, url, path: '/report.csv', headers: {}, attempt: 1, scope: new OperationScope(2000, undefined) };
        await expect(createTransport({ dispatcher })(call)).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining('download.example resolves to 127.0.0.1, a loopback, link-local or private address') });
      } finally {
        await dispatcher.close();
      }
    });

    it('connects to the trusted host through the same lookup', async () => {
      const dispatcher = createUpstreamDispatcher({ lookup: lookupRefusingInternalAddresses((host) => host === 'upstream.example', resolverOf({ 'upstream.example': ['127.0.0.1'] })) });
      try {
        const answer = await request(`http://upstream.example:${port}/`, { dispatcher });
        expect(await answer.body.text()).toBe('reached');
      } finally {
        await dispatcher.close();
      }
    });
  });
});
