import { sampleEntities } from '../../emulator/entity-store';
import { useHarness, TOKEN } from '../support/harness';
import { REPORT_COLUMNS, REPORT_SELECTION } from '../../src/activation-counts/activation-counts.properties';

// Each test here reads what Graph answers now (faults included), not a copy kept by an earlier test.
const NO_REPORT_CACHE = { REPORT_CACHE_SCOPE: 'off' };
const REPORT = `{ office365ActivationCountsReport { ${REPORT_SELECTION} } }`;

const seed = [
  ...sampleEntities(),
  { id: 'quoted', reportRefreshDate: '2026-11-02', productType: 'Office, "Quoted" Edition\r\nline two', windows: 1n, mac: null, android: 0n, ios: null, windows10Mobile: -5n },
];

/** The rows the report should answer: the seeded entities without ids, Int64 as exact strings. */
function expectedRows() {
  return [...seed]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((entity) => Object.fromEntries(REPORT_COLUMNS.map(({ name }) => [name, entity[name]?.toString() ?? null])));
}

describe('office365ActivationCountsReport on a beta base URL (JSON shape)', () => {
  const h = useHarness({ version: 'beta', emulator: { seed } });

  it('asks for $format=application/json and answers every row exactly', async () => {
    const { body } = await h.gql(REPORT);
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsReport).toEqual(expectedRows());
    expect(h.emulator.httpRequests().map((r) => r.url)).toEqual(['/beta/reports/getOffice365ActivationCounts?$format=application/json']);
    expect(h.emulator.log.filter((r) => r.origin === 'download')).toHaveLength(0);
  });
});

describe('office365ActivationCountsReport on a v1.0 base URL (302 to a CSV download)', () => {
  const h = useHarness({ version: 'v1.0', emulator: { seed }, env: NO_REPORT_CACHE });
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it('follows the redirect without the Authorization header and parses the CSV exactly', async () => {
    const { body } = await h.gql(REPORT);
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsReport).toEqual(expectedRows());
    const [graphCall] = h.emulator.httpRequests();
    expect(graphCall!.url).toBe('/v1.0/reports/getOffice365ActivationCounts');
    expect(graphCall!.headers.authorization).toBe(TOKEN);
    expect(graphCall!.status).toBe(302);
    const downloads = h.emulator.log.filter((r) => r.origin === 'download');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.headers.authorization).toBeUndefined();
    expect(downloads[0]!.status).toBe(200);
  });

  it('parses a CSV the upstream answers directly with 200', async () => {
    const csv = '\uFEFFReport Refresh Date,Product Type,Windows,Mac,Android,iOS,Windows 10 Mobile\r\n2026-11-03,"Direct, CSV",9223372036854775807,,1,2,3\r\n';
    h.emulator.faults.add({ path: '/reports/getOffice365ActivationCounts', times: 1, action: { kind: 'respond', response: { status: 200, headers: { 'content-type': 'text/csv' }, rawBody: csv } } });
    const { body } = await h.gql(REPORT);
    expect(body.data.office365ActivationCountsReport).toEqual([
      { reportRefreshDate: '2026-11-03', productType: 'Direct, CSV', windows: '9223372036854775807', mac: null, android: '1', ios: '2', windows10Mobile: '3' },
    ]);
  });

  it('names a missing column in an UPSTREAM_ERROR', async () => {
    const csv = 'Report Refresh Date,Product Type,Windows,Android,iOS,Windows 10 Mobile\r\n2026-11-03,x,1,1,2,3\r\n';
    h.emulator.faults.add({ path: '/reports/getOffice365ActivationCounts', times: 1, action: { kind: 'respond', response: { status: 200, headers: { 'content-type': 'text/csv' }, rawBody: csv } } });
    const { body } = await h.gql(REPORT);
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toContain('no column "Mac"');
  });

  it('maps a refused download to UPSTREAM_ERROR', async () => {
    h.emulator.faults.add({
      path: '/reports/getOffice365ActivationCounts',
      times: 1,
      action: { kind: 'respond', response: { status: 302, headers: { location: `${h.emulator.downloadOrigin}/reports/download/00000000-0000-0000-0000-000000000000.csv` } } },
    });
    const { body } = await h.gql(REPORT);
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toContain('HTTP 403');
  });
});
