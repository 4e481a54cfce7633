import type { ServerResponse } from 'node:http';
import { startHarness, type Harness } from '../support/harness';
import { startHostileUpstream, type HostileUpstream } from '../support/hostile-upstream';

const ONE = '{ office365ActivationCounts(id: "x") { id windows } }';
const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const HEADER = 'Report Refresh Date,Product Type,Windows,Mac,Android,iOS,Windows 10 Mobile';

function json(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
}

describe('a hostile upstream on loopback (the configured base)', () => {
  let upstream: HostileUpstream;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startHostileUpstream();
    h = await startHarness({ env: { GRAPH_BASE_URL: `${upstream.origin}/v1.0`, GRAPH_MAX_RETRIES: '0' } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('refuses a number of a million digits before BigInt, quoting 40 characters of it', async () => {
    upstream.answer = (_req, res) => json(res, 200, `{"id":"x","windows":${'9'.repeat(1_000_000)}}`);
    const { body, status } = await h.gql(ONE);
    expect(status).toBe(200);
    const [error] = body.errors;
    expect(error.extensions.code).toBe('UPSTREAM_ERROR');
    expect(error.message).toContain(`"${'9'.repeat(40)}"…(1000000 chars)`);
    expect(error.message).toContain('no Int64 has more than 19 digits');
    expect(error.message.length).toBeLessThan(300);
    expect(JSON.stringify(body)).not.toContain('9'.repeat(41));
  });

  it('refuses a 20-digit Int64 for its field without BigInt of the whole run', async () => {
    upstream.answer = (_req, res) => json(res, 200, '{"id":"x","windows":99999999999999999999}');
    const { body } = await h.gql(ONE);
    expect(body.errors[0].message).toMatch(/outside the Int64 range/);
    expect(body.errors[0].path).toEqual(['office365ActivationCounts', 'windows']);
    expect(body.data.office365ActivationCounts).toEqual({ id: 'x', windows: null });
  });

  it.each([
    ['-5', undefined], // not a date in 2001: no retry hint at all
    ['1.5', undefined], // seconds are whole
    ['2026-12-01', undefined], // an ISO date is no HTTP-date
    ['7', 7], // delta-seconds
  ])('parses Retry-After %p strictly → %p', async (header, seconds) => {
    upstream.answer = (_req, res) => json(res, 429, '{"error":{"code":"TooManyRequests","message":"slow down"}}', { 'retry-after': header });
    const { body } = await h.gql(ONE);
    expect(body.errors[0].extensions.code).toBe('THROTTLED');
    expect(body.errors[0].extensions.upstream.retryAfterSeconds).toBe(seconds);
  });

  it('fetches a loopback redirect target: the configured base is itself on loopback (the emulator case)', async () => {
    upstream.answer = (req, res) => {
      if (req.url!.startsWith('/download')) return void res.writeHead(200, { 'content-type': 'text/csv' }).end(`${HEADER}\r\n2026-11-01,p,1,2,3,4,5\r\n`);
      res.writeHead(302, { location: `${upstream.origin}/download/report.csv` }).end();
    };
    const { body } = await h.gql(REPORT);
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsReport).toEqual([{ productType: 'p', windows: '1' }]);
  });
});

describe('a report redirect from a non-loopback upstream (all sockets routed to a loopback server)', () => {
  let upstream: HostileUpstream;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startHostileUpstream();
    h = await startHarness({ env: { GRAPH_BASE_URL: 'https://graph.hostile.test/v1.0', GRAPH_MAX_RETRIES: '0' }, deps: { dispatcher: upstream.dispatcher } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });
  beforeEach(() => void upstream.requests.splice(0));

  it.each([
    'http://127.0.0.1:9/x.csv', // loopback
    'http://127.1.2.3/x.csv', // all of 127/8
    'http://[::1]/x.csv', // IPv6 loopback
    'http://[::ffff:127.0.0.1]/x.csv', // IPv4-mapped loopback
    'http://169.254.169.254/latest/meta-data', // link-local: cloud metadata
    'http://10.1.2.3/x.csv', // private
    'http://172.20.0.1/x.csv', // private
    'http://192.168.1.1/x.csv', // private
    'http://[fd00::1]/x.csv', // unique local
    'http://0.0.0.0/x.csv', // this host
  ])('does not fetch %s', async (location) => {
    upstream.answer = (_req, res) => void res.writeHead(302, { location }).end();
    const { body } = await h.gql(REPORT);
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toMatch(/which is not fetched: its host .* is .*, a loopback, link-local or private address/);
    expect(upstream.requests).toEqual(['/v1.0/reports/getOffice365ActivationCounts']);
  });

  it('fetches a public target, and echoes only a short sanitised excerpt of a document without the columns', async () => {
    const secret = `SECRET-${'s'.repeat(500)}`;
    upstream.answer = (req, res) => {
      if (req.url === '/report.csv') return void res.writeHead(200, { 'content-type': 'text/csv' }).end(`<html>\u001b[31m,${secret}\r\nline two,${secret}\r\n`);
      res.writeHead(302, { location: 'https://203.0.113.9/report.csv' }).end();
    };
    const { body } = await h.gql(REPORT);
    expect(upstream.requests).toEqual(['/v1.0/reports/getOffice365ActivationCounts', '/report.csv']);
    const { message } = body.errors[0];
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(message).toContain('has no column "Report Refresh Date"');
    expect(message).toMatch(/got a header row of 2 fields starting "<html>\uFFFD\[31m,SECRET-s+"…\(\d+ chars\)/);
    expect(message).not.toContain('\u001b');
    expect(message).not.toContain('line two');
    expect(message.length).toBeLessThan(400);
  });
});
