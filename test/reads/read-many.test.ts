import { GraphQLError } from 'graphql';
import { Agent } from 'undici';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { ActivationCountsUpstream } from '../../src/activation-counts/activation-counts.upstream';
import { createUpstreamClients } from '../../src/msgraph/client';
import { batchItems } from '../support/emulator-log';
import { entityId, manyEntities } from '../support/sample-data';

const RESOURCE = '/reports/office365ActivationCounts';

describe('ActivationCountsUpstream.readMany against the emulator', () => {
  let emulator: Emulator;
  let dispatcher: Agent;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: manyEntities(3) });
    dispatcher = new Agent();
  });
  afterAll(async () => {
    await dispatcher.close();
    await emulator.close();
  });
  beforeEach(() => emulator.clearLog());

  const upstream = () =>
    new ActivationCountsUpstream({
      client: createUpstreamClients({ baseUrl: emulator.baseUrl(), timeoutMs: 5000, maxRetries: 0, dispatcher, hooks: {} })({ authorization: 'Bearer unit' }),
      resourcePath: RESOURCE,
    });

  it('answers every id in the order asked, reading a repeated id once', async () => {
    const [a, b] = [entityId(1), entityId(2)];
    const outcomes = await upstream().readMany([a, b, a, 'missing', b], ['windows']);
    expect(outcomes.map((o) => (o === null ? null : (o as { id: string }).id))).toEqual([a, b, a, null, b]);
    expect(outcomes[0]).toBe(outcomes[2]); // the same answer, not a second read
    const [batch] = emulator.httpRequests();
    expect(batchItems(batch!).map((item) => item.url)).toEqual([a, b, 'missing'].map((id) => `${RESOURCE}/${id}?$select=id,windows`));
  });

  it('gives an id that cannot be sent its own error and still reads the others', async () => {
    const outcomes = await upstream().readMany(['..', entityId(3), '..']);
    expect(outcomes[0]).toBeInstanceOf(GraphQLError);
    expect((outcomes[0] as GraphQLError).message).toBe('id ".." is not a valid entity key (it would address the parent path)');
    expect(outcomes[2]).toBe(outcomes[0]);
    expect(outcomes[1]).toMatchObject({ id: entityId(3) });
    // One id left to read: a plain GET, no $batch.
    expect(emulator.httpRequests().map((r) => `${r.method} ${r.url}`)).toEqual([`GET /v1.0${RESOURCE}/${entityId(3)}`]);
  });
});
