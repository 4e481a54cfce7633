import { startHarness, type Harness } from '../support/harness';
import { startHostileUpstream, type HostileUpstream } from '../support/hostile-upstream';
import { eventually } from '../support/polling';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const CSV = '\uFEFFReport Refresh Date,Product Type,Windows,Mac,Android,iOS,Windows 10 Mobile\n2026-11-30,Microsoft 365 Apps,7,1,2,3,0\n';

describe("a report request arriving after Graph's 302, while the same token's CSV download is in flight", () => {
  let upstream: HostileUpstream;
  let h: Harness;
  let downloadsServed = 0;
  beforeAll(async () => {
    upstream = await startHostileUpstream();
    // Graph's v1.0 shape: a 302 to a pre-authenticated CSV, here served slowly from the same loopback server.
    upstream.answer = (request, response) => {
      if (request.url?.startsWith('/v1.0/reports/getOffice365ActivationCounts')) {
        response.writeHead(302, { location: `${upstream.origin}/download/${upstream.requests.length}.csv` }).end();
      } else if (request.url?.startsWith('/download/')) {
        setTimeout(() => {
          downloadsServed++;
          response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(CSV);
        }, 800);
      } else response.writeHead(404).end();
    };
    h = await startHarness({ env: { GRAPH_BASE_URL: `${upstream.origin}/v1.0` } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('joins that fetch instead of spending another report call', async () => {
    const first = h.gql(REPORT);
    await eventually('the first request is downloading the CSV', () => upstream.requests.some((url) => url.startsWith('/download/')));
    const second = await h.gql(REPORT);
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data.office365ActivationCountsReport).toEqual([{ productType: 'Microsoft 365 Apps', windows: '7' }]);
    expect(second.body.extensions.office365ActivationCountsReport).toMatchObject({ source: 'cache', ageSeconds: 0 });
    expect((await first).body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(upstream.requests.filter((url) => url.includes('/reports/getOffice365ActivationCounts'))).toHaveLength(1);
    expect(downloadsServed).toBe(1);
  });
});
