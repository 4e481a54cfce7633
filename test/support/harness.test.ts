import { useHarness } from './harness';

describe('useHarness', () => {
  const h = useHarness();
  // Read while jest collects the tests, before any beforeAll ran: a mistake the stand-in names.
  let earlyRead = '';
  try {
    void h.url;
  } catch (error: unknown) {
    earlyRead = (error as Error).message;
  }

  it('forwards to the harness its beforeAll started', async () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, body } = await h.gql('{ __typename }');
    expect({ status, body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('says which property was read before the harness started', () => {
    expect(earlyRead).toBe('useHarness: h.url was read before beforeAll started the harness; read it inside a test or hook');
  });
});
