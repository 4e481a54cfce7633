import fc from 'fast-check';
import { INT64_MAX, INT64_MIN } from '../../src/scalars/int64';
import { useHarness } from '../support/harness';

/** Int64 values weighted toward the edges where doubles go wrong. */
const int64 = fc.oneof(
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
  fc.constantFrom(INT64_MIN, INT64_MAX, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 0n, -1n),
);

describe('property: any Int64 survives the whole path over real HTTP', () => {
  const h = useHarness();

  it('GraphQL input (literal or string variable) → PATCH body → emulator → response → GraphQL output, exactly', async () => {
    await fc.assert(
      fc.asyncProperty(int64, fc.boolean(), async (value, asLiteral) => {
        h.emulator.clearLog();
        const { body } = asLiteral
          ? await h.gql(`mutation { updateOffice365ActivationCounts(id: "big-numbers", input: { ios: ${value} }) { ios } }`)
          : await h.gql('mutation ($v: BigInt) { updateOffice365ActivationCounts(id: "big-numbers", input: { ios: $v }) { ios } }', { v: value.toString() });
        expect(body.errors).toBeUndefined();
        expect(body.data.updateOffice365ActivationCounts.ios).toBe(value.toString());
        expect(h.emulator.httpRequests()[0]!.bodyText).toBe(`{"ios":${value}}`);
        expect(h.emulator.store.get('big-numbers')!.ios).toBe(value);
        const read = await h.gql('{ office365ActivationCounts(id: "big-numbers") { ios } }');
        expect(read.body.data.office365ActivationCounts.ios).toBe(value.toString());
      }),
      { numRuns: 60 },
    );
  });
});
