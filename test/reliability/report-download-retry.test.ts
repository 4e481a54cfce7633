import { startHarness, type Harness } from '../support/harness';
import { httpGet } from '../support/graphql-http';
import { startHostileUpstream, type HostileUpstream } from '../support/hostile-upstream';
import { metricSample as sample } from '../support/prometheus';
import { reportCsv } from '../support/report-csv';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const DOWNLOAD = '/download/one-time-7f3a9c.csv';
const CSV = reportCsv([{ reportRefreshDate: '2026-11-01', productType: 'p', windows: '1', mac: '2', android: '3', ios: '4', windows10Mobile: '5' }]);

describe('the report download is retried, budgeted and counted like any upstream GET', () => {
  let upstream: HostileUpstream;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startHostileUpstream();
    h = await startHarness({ env: { GRAPH_BASE_URL: `${upstream.origin}/v1.0`, GRAPH_MAX_RETRIES: '2', LOG_LEVEL: 'debug' } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('retries a download that answered 503 with Retry-After, and shows no download path in metrics or logs', async () => {
    let downloads = 0;
    upstream.answer = (req, res) => {
      if (!req.url!.startsWith('/download')) return void res.writeHead(302, { location: `${upstream.origin}${DOWNLOAD}?sig=secret-signature` }).end();
      downloads++;
      if (downloads === 1) return void res.writeHead(503, { 'retry-after': '0', 'content-type': 'text/plain' }).end('busy');
      res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
    };
    const { body } = await h.gql(REPORT);
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsReport).toEqual([{ productType: 'p', windows: '1' }]);
    expect(upstream.requests.filter((path) => path.startsWith('/download'))).toEqual([`${DOWNLOAD}?sig=secret-signature`, `${DOWNLOAD}?sig=secret-signature`]);

    const metrics = (await httpGet(`${h.url}/metrics`)).text;
    expect(sample(metrics, 'gateway_upstream_requests_total{method="GET",status="503"}')).toBe(1);
    expect(sample(metrics, 'gateway_upstream_retries_total{method="GET",reason="503"}')).toBe(1);
    const upstreamLines = h.logs.filter((line) => line.includes('"upstream call"'));
    expect(upstreamLines.some((line) => line.includes('"path":"/report-download"') && line.includes('"status":503'))).toBe(true);
    for (const text of [metrics, ...h.logs]) {
      expect(text).not.toContain('one-time-7f3a9c');
      expect(text).not.toContain('secret-signature');
    }
  });
});
