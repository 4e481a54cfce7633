import { startHarness, type Harness } from '../support/harness';
import { entityId, manyEntities } from '../support/sample-data';

const QUERY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Office365ActivationCounts { id windows } } }';
const TYPE = 'Office365ActivationCounts';

describe('_entities: a bad representation fails its own item only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { seed: manyEntities(3) } });
  });
  afterAll(() => h.close());

  it('answers each bad representation with a clear BAD_USER_INPUT at its index, and still resolves the good ones', async () => {
    const representations = [
      { __typename: TYPE, id: 5 }, // a number id (was "id.isWellFormed is not a function")
      { __typename: TYPE, id: entityId(1) }, // good
      { __typename: TYPE, id: { nested: true } }, // an object id
      { __typename: TYPE }, // no id
      7, // not an object
      { __typename: 'Nope', id: 'x' }, // unknown type
      { __typename: TYPE, id: entityId(2) }, // good
    ];
    const { status, body } = await h.gql(QUERY, { r: representations });
    expect(status).toBe(200);
    const entities = body.data._entities;
    expect(entities).toHaveLength(7);
    expect(entities[1]).toEqual({ id: entityId(1), windows: '1001' });
    expect(entities[6]).toEqual({ id: entityId(2), windows: '1002' });
    for (const index of [0, 2, 3, 4, 5]) expect(entities[index]).toBeNull();
    const byIndex = new Map(body.errors.map((e: { path: (string | number)[] }) => [e.path[1], e]));
    expect(byIndex.size).toBe(5);
    const messageAt = (i: number) => (byIndex.get(i) as { message: string }).message;
    expect(messageAt(0)).toContain('_entities representation has the number 5 as id; expected');
    expect(messageAt(2)).toContain('has an object as id');
    expect(messageAt(3)).toContain('_entities representation has no id; expected');
    expect(messageAt(4)).toContain('_entities representation 4 is not an object');
    expect(messageAt(5)).toContain('_entities representation 5 has __typename "Nope"');
    for (const error of body.errors) {
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).not.toContain('isWellFormed');
    }
  });
});
