import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphJson } from '../../emulator/graph-error';
import { useHarness, TOKEN } from '../support/harness';

const SECRET = TOKEN.slice('Bearer '.length);

/** A server on another origin that records whatever reaches it. */
async function startForeignOrigin(): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"proplus","value":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("the caller's token never leaves for another origin", () => {
  // Declared before the foreign origin so its teardown runs first, as before: the gateway lets go of its connections, then that origin closes.
  // No report cache: each report test must reach the (faked) upstream itself.
  const h = useHarness({ env: { REPORT_CACHE_SCOPE: 'off' } });
  let foreign: Awaited<ReturnType<typeof startForeignOrigin>>;
  beforeAll(async () => {
    foreign = await startForeignOrigin();
  });
  afterAll(() => foreign.close());
  beforeEach(() => {
    h.emulator.faults.clear();
    h.emulator.clearLog();
    foreign.seen.length = 0;
  });

  it.each([301, 302, 307, 308])('does not follow a %i redirect of an entity read to another origin', async (status) => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: { status, headers: { location: `${foreign.url}/steal/proplus` } } } });
    const { body } = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status } });
    expect(foreign.seen).toEqual([]);
  });

  it('does not follow a redirect of a PATCH to another origin', async () => {
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'respond', response: { status: 307, headers: { location: `${foreign.url}/steal` } } } });
    const { body } = await h.gql('mutation { updateOffice365ActivationCounts(id: "proplus", input: { windows: 1 }) { id } }');
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(foreign.seen).toEqual([]);
  });

  it("fetches the report's pre-authenticated download (another origin) without the Authorization header", async () => {
    const { body } = await h.gql('{ office365ActivationCountsReport { productType windows } }');
    expect(body.errors).toBeUndefined();
    const downloads = h.emulator.log.filter((r) => r.origin === 'download');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(downloads[0]!.headers)).not.toContain(SECRET);
  });

  it('sends the report download to a foreign Location without the token too', async () => {
    h.emulator.faults.add({ path: '/reports/getOffice365ActivationCounts', times: 1, action: { kind: 'respond', response: { status: 302, headers: { location: `${foreign.url}/report.csv` } } } });
    await h.gql('{ office365ActivationCountsReport { productType } }');
    expect(foreign.seen).toHaveLength(1);
    expect(foreign.seen[0]!.authorization).toBeUndefined();
    expect(JSON.stringify(foreign.seen[0])).not.toContain(SECRET);
  });

  it('refuses an @odata.nextLink on another origin instead of following it', async () => {
    const page = graphJson(200, { value: [{ id: 'proplus' }], '@odata.nextLink': `${foreign.url}/v1.0/reports/office365ActivationCounts?$skiptoken=1` });
    h.emulator.faults.add({ method: 'GET', path: /^\/reports\/office365ActivationCounts$/, times: 1, action: { kind: 'respond', response: page } });
    const { body } = await h.gql('{ office365ActivationCountsList(first: 1) { nodes { id } pageInfo { hasNextPage endCursor } } }');
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toMatch(/nextLink outside the configured base URL/);
    expect(foreign.seen).toEqual([]);
  });

  it('every upstream request that carried the token went to the configured origin', async () => {
    await h.gql('{ a: office365ActivationCounts(id: "proplus") { id } b: office365ActivationCounts(id: "visio") { id } }');
    await h.gql('{ office365ActivationCountsReport { productType } }');
    const withToken = h.emulator.log.filter((r) => r.headers.authorization !== undefined);
    expect(withToken.length).toBeGreaterThan(0);
    expect(withToken.every((r) => r.origin === 'graph')).toBe(true);
    expect(foreign.seen).toEqual([]);
  });
});
