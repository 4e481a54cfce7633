import { startHarness, type Harness } from '../support/harness';

const RESOURCE = '/reports/office365ActivationCounts';
const HUGE = '9'.repeat(5000);
const JSON_TYPE = { 'content-type': 'application/json' };

function errorAt(body: { errors?: { path?: (string | number)[]; message: string; extensions?: { code?: string } }[] }, path: (string | number)[]) {
  return body.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
}

describe('a bad upstream value is an error on that field only (entities)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  afterEach(() => h.emulator.faults.clear());

  it('answers the other fields of the entity and an UPSTREAM_ERROR naming the property and the value', async () => {
    const rawBody = `{"id":"proplus","productType":"P","windows":1.5,"mac":"${HUGE}","ios":7}`;
    h.emulator.faults.add({ method: 'GET', path: `${RESOURCE}/proplus`, times: 1, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, rawBody } } });
    const { status, body } = await h.gql('{ office365ActivationCounts(id: "proplus") { id productType windows mac ios } }');
    expect(status).toBe(200);
    expect(body.data.office365ActivationCounts).toEqual({ id: 'proplus', productType: 'P', windows: null, mac: null, ios: '7' });
    expect(body.errors).toHaveLength(2);
    const windows = errorAt(body, ['office365ActivationCounts', 'windows'])!;
    expect(windows.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(windows.message).toContain('windows: BigInt cannot represent non-integer value: 1.5');
    const mac = errorAt(body, ['office365ActivationCounts', 'mac'])!;
    expect(mac.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(mac.message).toContain(`mac: BigInt cannot represent "${'9'.repeat(40)}…"`);
    expect(mac.message.length).toBeLessThan(300);
  });

  it('keeps one bad field of one entity in a list from failing the other entities', async () => {
    const rawBody = `{"value":[{"id":"a","productType":"A","windows":1},{"id":"b","productType":42,"windows":2}]}`;
    h.emulator.faults.add({ method: 'GET', path: RESOURCE, times: 1, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, rawBody } } });
    const { body } = await h.gql('{ office365ActivationCountsList(first: 2) { nodes { id productType windows } } }');
    expect(body.data.office365ActivationCountsList.nodes).toEqual([
      { id: 'a', productType: 'A', windows: '1' },
      { id: 'b', productType: null, windows: '2' },
    ]);
    const productType = errorAt(body, ['office365ActivationCountsList', 'nodes', 1, 'productType'])!;
    expect(productType.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(productType.message).toContain('productType: String cannot represent 42');
  });
});

describe('a bad upstream value is an error on that field only (report rows)', () => {
  let h: Harness;
  beforeAll(async () => {
    // Without the report cache: each test reads the (faked) upstream answer it sets up, not the previous test's copy.
    h = await startHarness({ version: 'beta', env: { REPORT_CACHE_SCOPE: 'off' } });
  });
  afterAll(() => h.close());
  afterEach(() => h.emulator.faults.clear());

  const REPORT = '{ office365ActivationCountsReport { reportRefreshDate productType windows mac } }';

  it('answers the other rows and fields of the JSON report', async () => {
    const rawBody = `{"value":[{"reportRefreshDate":"2017-09-01","productType":"A","windows":1,"mac":2},{"reportRefreshDate":"2017-02-30","productType":"B","windows":"${HUGE}","mac":3}]}`;
    h.emulator.faults.add({ path: '/reports/getOffice365ActivationCounts', times: 1, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, rawBody } } });
    const { status, body } = await h.gql(REPORT);
    expect(status).toBe(200);
    expect(body.data.office365ActivationCountsReport).toEqual([
      { reportRefreshDate: '2017-09-01', productType: 'A', windows: '1', mac: '2' },
      { reportRefreshDate: null, productType: 'B', windows: null, mac: '3' },
    ]);
    const date = errorAt(body, ['office365ActivationCountsReport', 1, 'reportRefreshDate'])!;
    expect(date.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(date.message).toContain('JSON row 2: reportRefreshDate: Date cannot represent "2017-02-30"');
    const windows = errorAt(body, ['office365ActivationCountsReport', 1, 'windows'])!;
    expect(windows.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(windows.message).toContain(`JSON row 2: windows: BigInt cannot represent "${'9'.repeat(40)}…"`);
    expect(windows.message.length).toBeLessThan(300);
  });

  it('answers the other rows and fields of the CSV report', async () => {
    const csv = 'Report Refresh Date,Product Type,Windows,Mac,Android,iOS,Windows 10 Mobile\r\n2017-09-01,A,1,2,3,4,5\r\n2017-09-01,B,x7,2,3,4,5\r\n';
    h.emulator.faults.add({ path: '/reports/getOffice365ActivationCounts', times: 1, action: { kind: 'respond', response: { status: 200, headers: { 'content-type': 'text/csv' }, rawBody: csv } } });
    const { body } = await h.gql(REPORT);
    expect(body.data.office365ActivationCountsReport).toEqual([
      { reportRefreshDate: '2017-09-01', productType: 'A', windows: '1', mac: '2' },
      { reportRefreshDate: '2017-09-01', productType: 'B', windows: null, mac: '2' },
    ]);
    const windows = errorAt(body, ['office365ActivationCountsReport', 1, 'windows'])!;
    expect(windows.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(windows.message).toContain('CSV line 3: windows: BigInt cannot represent "x7"');
  });
});
