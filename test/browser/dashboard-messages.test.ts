import { CombinedError } from '@urql/core';
import { describeGatewayError, refusedInputField } from '../../examples/dashboard/src/error-words';
import { describeFreshness, formatAge } from '../../examples/dashboard/src/report-freshness';

const GATEWAY = 'http://127.0.0.1:4000';
const PAGE = 'http://127.0.0.1:5173';

function graphqlError(message: string, extensions: Record<string, unknown>): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message, extensions }] });
}

describe('the dashboard\'s plain-word errors', () => {
  it.each<[string, CombinedError, unknown]>([
    // BAD_USER_INPUT from variable coercion: the field and the scalar's own sentence.
    ['BAD_USER_INPUT on a field', graphqlError('Variable "$input" got invalid value "1.5" at "input.mac"; BigInt cannot represent "1.5": expected decimal digits', { code: 'BAD_USER_INPUT' }), 'The value for mac was refused: BigInt cannot represent "1.5": expected decimal digits'],
    // BAD_USER_INPUT without a field path: the whole message.
    ['BAD_USER_INPUT without a field', graphqlError('At most 500 ids', { code: 'BAD_USER_INPUT' }), 'The input was refused: At most 500 ids'],
    // THROTTLED: the upstream's retry time.
    ['THROTTLED with Retry-After', graphqlError('Throttled', { code: 'THROTTLED', upstream: { status: 429, retryAfterSeconds: 7 } }), 'Microsoft Graph is throttling requests: try again in 7 s.'],
    // THROTTLED without Retry-After.
    ['THROTTLED without Retry-After', graphqlError('Throttled', { code: 'THROTTLED', upstream: { status: 429 } }), 'Microsoft Graph is throttling requests: try again shortly.'],
    ['NOT_FOUND', graphqlError('Office365ActivationCounts "gone" was not found', { code: 'NOT_FOUND' }), 'Microsoft Graph has no such entity (it may have been removed): Office365ActivationCounts "gone" was not found'],
    ['UNAUTHENTICATED', graphqlError('The upstream refused the token', { code: 'UNAUTHENTICATED' }), 'The token was refused (The upstream refused the token). Check the bearer token field.'],
    // A trusted-documents gateway without this dashboard's manifest.
    ['PERSISTED_DOCUMENT_NOT_FOUND', graphqlError('Persisted document not found', { code: 'PERSISTED_DOCUMENT_NOT_FOUND' }), expect.stringContaining('deploy its persisted-documents.json')],
    // Any other code: message and code as they are.
    ['any other code', graphqlError('Boom', { code: 'INTERNAL_SERVER_ERROR' }), 'Boom (INTERNAL_SERVER_ERROR)'],
  ])('explains %s', (_name, error, expected) => {
    expect(describeGatewayError(error, GATEWAY, PAGE)).toEqual(expected);
  });

  it('names the gateway and the page origin for CORS when the gateway cannot be reached', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(describeGatewayError(error, GATEWAY, PAGE)).toBe(`Could not reach the gateway at ${GATEWAY} (Failed to fetch). Is it running, and is this page's origin (${PAGE}) in its CORS_ORIGINS?`);
  });

  it('finds the refused input field only in a variable path', () => {
    expect(refusedInputField('Variable "$input" got invalid value "x" at "input.windows10Mobile"; ...')).toBe('windows10Mobile');
    expect(refusedInputField('BigInt cannot represent "x"')).toBeUndefined();
  });
});

describe('the report\'s "as of" notice', () => {
  const report = (value: unknown) => ({ office365ActivationCountsReport: value });

  it.each([
    // Fresh from the upstream: nothing to say.
    [report({ source: 'upstream', ageSeconds: 0, fetchedAt: '2026-12-01T09:00:00.000Z' }), undefined],
    [report({ source: 'cache', ageSeconds: 42, fetchedAt: '2026-12-01T09:00:00.000Z' }), { text: 'as of 2026-12-01T09:00:00.000Z (42 s old)', warning: false }],
    // Stale: a warning with the gateway's retry time.
    [
      report({ source: 'stale', ageSeconds: 3600, fetchedAt: '2026-12-01T08:00:00.000Z', retryAfterSeconds: 30 }),
      { text: 'Stale: Microsoft Graph could not be asked for a fresh report, showing the copy as of 2026-12-01T08:00:00.000Z (60 min old); the gateway retries in 30 s.', warning: true },
    ],
    // No extension (a gateway without the report cache) or a malformed one: nothing.
    [undefined, undefined],
    [report({ source: 'elsewhere', ageSeconds: 1, fetchedAt: 'x' }), undefined],
    [report({ source: 'cache', ageSeconds: '1', fetchedAt: 'x' }), undefined],
  ])('describes %j', (extensions, expected) => {
    expect(describeFreshness(extensions)).toEqual(expected);
  });

  it.each([
    [0, '0 s old'],
    [89, '89 s old'], // under 90 s: seconds
    [90, '2 min old'],
    [5399, '90 min old'], // under 90 min: minutes
    [5400, '2 h old'],
  ])('formats an age of %d s as %s', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});
