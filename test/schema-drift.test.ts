import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery } from 'graphql';
import { schemaFileText } from '../src/schema-file';
import { buildGatewaySchema } from '../src/schema';
import { startHarness } from './support/harness';

const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
const HINT = 'schema.graphql is stale: run `npm run schema:write` (then `npm run codegen`) and commit the result';

describe('schema.graphql, the contract for clients', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');

  it('is the printed schema the gateway builds', async () => {
    const built = schemaFileText(await buildGatewaySchema());
    expect({ hint: HINT, sdl: committed }).toEqual({ hint: HINT, sdl: built });
  });

  it('is what a client introspecting the running gateway over HTTP sees', async () => {
    const h = await startHarness();
    try {
      const { body } = await h.gql(getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }), undefined, { token: null });
      const served = schemaFileText(buildClientSchema(body.data));
      expect({ hint: HINT, sdl: committed }).toEqual({ hint: HINT, sdl: served });
    } finally {
      await h.close();
    }
  });
});
