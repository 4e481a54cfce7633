import { request } from 'undici';
import { postGraphQLBody } from '../support/graphql-http';
import { useHarness } from '../support/harness';

const ALLOWED = 'https://app.example.com';
const REFUSED = 'https://evil.example.net';

function preflight(url: string, origin: string) {
  return request(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
}

describe('CORS with CORS_ORIGINS', () => {
  const h = useHarness({ env: { CORS_ORIGINS: `${ALLOWED}, https://other.example.org` } });

  it('answers the preflight of an allowed origin, allowing Authorization and Content-Type', async () => {
    const response = await preflight(h.url, ALLOWED);
    await response.body.dump();
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    const allowedHeaders = String(response.headers['access-control-allow-headers']).toLowerCase().split(/\s*,\s*/);
    expect(allowedHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('marks the actual response of an allowed origin, varying on Origin', async () => {
    const { status, body } = await h.gql('{ office365ActivationCounts(id: "proplus") { windows } }', undefined, { headers: { origin: ALLOWED } });
    expect(status).toBe(200);
    expect(body.data.office365ActivationCounts.windows).toBe('9157');
    const response = await postGraphQLBody(h.url, '{"query":"{ __typename }"}', { origin: ALLOWED, 'content-type': 'application/json' });
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(response.headers.vary)).toMatch(/origin/i);
  });

  it('gives a refused origin no Access-Control-Allow-Origin, so the browser blocks it', async () => {
    const response = await preflight(h.url, REFUSED);
    const body = (await response.body.json()) as any;
    expect(response.statusCode).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('CORS_ORIGIN_NOT_ALLOWED');
    expect(body.errors[0].message).toContain(`${REFUSED} are not allowed (CORS_ORIGINS allows only ${ALLOWED}, https://other.example.org): add the origin to CORS_ORIGINS`);
    const post = await postGraphQLBody(h.url, '{"query":"{ __typename }"}', { origin: REFUSED, 'content-type': 'application/json' });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS by default (no CORS_ORIGINS)', () => {
  const h = useHarness();

  it('allows no origin at all', async () => {
    const response = await preflight(h.url, ALLOWED);
    await response.body.dump();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('answers a preflight with 403 naming CORS_ORIGINS, not with the CSRF message', async () => {
    const response = await preflight(h.url, ALLOWED);
    const body = (await response.body.json()) as any;
    expect(response.statusCode).toBe(403);
    expect(body.errors).toEqual([
      {
        message: `Cross-origin requests from ${ALLOWED} are not allowed (CORS_ORIGINS is not set, so no origin is allowed): add the origin to CORS_ORIGINS (comma-separated, e.g. CORS_ORIGINS=${ALLOWED}) and restart the gateway`,
        extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED', requestId: expect.any(String) },
      },
    ]);
    expect(body.errors[0].message).not.toMatch(/CSRF|Cross-Site Request Forgery/);
  });

  it('leaves a same-origin OPTIONS without preflight headers alone', async () => {
    const response = await request(`${h.url}/graphql`, { method: 'OPTIONS' });
    await response.body.dump();
    expect(response.statusCode).not.toBe(403);
  });
});
