import { encodeCursor } from '../../src/activation-counts/list/cursor';
import { graphJson } from '../../emulator/graph-error';
import { useHarness } from '../support/harness';

const RESOURCE = '/reports/office365ActivationCounts';
const LIST = `query($first: Int, $after: String) {
  office365ActivationCountsList(first: $first, after: $after) {
    edges { cursor node { id windows } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('office365ActivationCountsList: Graph paging as a Relay connection', () => {
  const h = useHarness();
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  const list = async (variables: Record<string, unknown>) => (await h.gql(LIST, variables)).body;

  it('walks three pages with first → $top and @odata.nextLink → after, pushing $select down', async () => {
    const pages = [];
    let after: string | null = null;
    do {
      const body = await list({ first: 2, after });
      expect(body.errors).toBeUndefined();
      pages.push(body.data.office365ActivationCountsList);
      after = body.data.office365ActivationCountsList.pageInfo.hasNextPage ? body.data.office365ActivationCountsList.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 5);

    const allIds = h.emulator.store.list().map((e) => e.id);
    expect(pages.map((p) => p.nodes.map((n: { id: string }) => n.id))).toEqual([allIds.slice(0, 2), allIds.slice(2, 4), allIds.slice(4)]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages[0].edges[0].node).toEqual({ id: 'big-numbers', windows: '9007199254740993' });
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    }
    const upstream = h.emulator.httpRequests();
    expect(upstream.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(upstream[0]!.url).toBe(`/v1.0${RESOURCE}?$top=2&$select=id,windows`);
    for (const request of upstream.slice(1)) {
      expect(request.url).toContain('$top=2');
      expect(request.url).toContain('$skiptoken=');
      expect(request.url).toContain('$select=id,windows');
    }
  });

  it('resumes after an edge in the middle of a page', async () => {
    const first = (await list({ first: 2 })).data.office365ActivationCountsList;
    const body = await list({ first: 2, after: first.edges[0].cursor });
    expect(body.data.office365ActivationCountsList.nodes).toEqual([first.nodes[1]]);
    expect(body.data.office365ActivationCountsList.pageInfo.hasNextPage).toBe(true);
  });

  it('asks the upstream for the properties of this operation when following a cursor made by another', async () => {
    const first = (await list({ first: 2 })).data.office365ActivationCountsList;
    h.emulator.clearLog();
    const { body } = await h.gql('query($after: String) { office365ActivationCountsList(first: 2, after: $after) { nodes { id mac } } }', {
      after: first.pageInfo.endCursor,
    });
    expect(body.data.office365ActivationCountsList.nodes).toEqual([
      { id: 'project', mac: '0' },
      { id: 'proplus', mac: '2457' },
    ]);
    const [request] = h.emulator.httpRequests();
    expect(request!.url).toContain('$select=id,mac');
    expect(request!.url).not.toContain('windows');
  });

  it.each([
    [0, 'first: 0 is out of range; expected 1 to 999'],
    [1000, 'first: 1000 is out of range; expected 1 to 999'],
  ])('refuses first = %p before any upstream call', async (first, message) => {
    const body = await list({ first });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toBe(message);
    expect(h.emulator.log).toHaveLength(0);
  });

  it('refuses a malformed after cursor', async () => {
    const body = await list({ after: 'not a cursor!' });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('"not a cursor!" is not a cursor this gateway issued');
    expect(h.emulator.log).toHaveLength(0);
  });

  it('refuses a cursor that points at another origin, sending the token nowhere', async () => {
    const foreign = encodeCursor({ url: `${h.emulator.downloadOrigin}/v1.0${RESOURCE}?$top=2`, skip: 0 });
    const body = await list({ after: foreign });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('outside this gateway');
    expect(h.emulator.log).toHaveLength(0);
  });

  it('refuses a cursor that climbs out of the collection on the right origin', async () => {
    const sneaky = encodeCursor({ url: `${h.emulator.baseUrl()}${RESOURCE}/../../me/messages`, skip: 0 });
    const body = await list({ after: sneaky });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(h.emulator.log).toHaveLength(0);
  });

  it('does not follow an @odata.nextLink that leaves the configured base URL', async () => {
    h.emulator.faults.add({
      method: 'GET',
      path: RESOURCE,
      times: 1,
      action: {
        kind: 'respond',
        response: graphJson(200, { value: [{ id: 'proplus' }], '@odata.nextLink': `${h.emulator.downloadOrigin}/v1.0${RESOURCE}?$skiptoken=1` }),
      },
    });
    const body = await list({ first: 1 });
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toContain('@odata.nextLink outside the configured base URL');
    expect(h.emulator.log.filter((r) => r.origin === 'download')).toHaveLength(0);
  });
});
