import { request } from 'undici';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { fakeJwt } from '../support/fake-jwt';

const REPORT = '/reports/getOffice365ActivationCounts';
const PLAIN = 'Bearer plain-token';

async function call(emulator: Emulator, path: string, authorization: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}) {
  const response = await request(`${emulator.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body: text.startsWith('{') ? JSON.parse(text) : undefined };
}

async function callTimes(emulator: Emulator, n: number, path: string, authorization: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await call(emulator, path, authorization)).status);
  return statuses;
}

function reportBatch(n: number) {
  return { requests: Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: REPORT })) };
}

describe("the emulator meters the report as Graph's documented limits say", () => {
  let emulator: Emulator;
  let now = 1_000_000;
  beforeEach(async () => {
    emulator = await startEmulator({ now: () => now });
  });
  afterEach(() => emulator.close());

  it('answers the 15th CSV call inside 10 minutes 429 with Retry-After and Graph\'s error body, and admits again once a slot frees', async () => {
    expect(await callTimes(emulator, 14, `/v1.0${REPORT}`, PLAIN)).toEqual(Array(14).fill(302));
    now += 60_000;
    const throttled = await call(emulator, `/v1.0${REPORT}`, PLAIN);
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('540'); // the first call frees its slot 600 s after it was made
    expect(throttled.body.error.code).toBe('TooManyRequests');
    expect(throttled.body.error.message).toContain('14 requests per 600 seconds per app per tenant');
    expect(throttled.body.error.innerError['request-id']).toEqual(expect.any(String));
    now += 540_000;
    expect((await call(emulator, `/v1.0${REPORT}`, PLAIN)).status).toBe(302);
  });

  it('gives a token of another tid its own window, and meters beta JSON apart with 100 per window', async () => {
    const contoso = `Bearer ${fakeJwt({ tid: 'contoso', appid: 'dashboard' })}`;
    await callTimes(emulator, 14, `/v1.0${REPORT}`, PLAIN);
    expect((await call(emulator, `/v1.0${REPORT}`, PLAIN)).status).toBe(429);
    expect((await call(emulator, `/v1.0${REPORT}`, contoso)).status).toBe(302);
    const json = await callTimes(emulator, 101, `/beta${REPORT}?$format=application/json`, PLAIN);
    expect(json.slice(0, 100)).toEqual(Array(100).fill(200));
    expect(json[100]).toBe(429);
  });

  it('counts each report item of a $batch like a request, and throttles the items beyond the quota on their own', async () => {
    const first = await call(emulator, '/v1.0/$batch', PLAIN, { method: 'POST', body: reportBatch(20) });
    expect(first.status).toBe(200);
    const statuses = (first.body.responses as { status: number }[]).map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(14).fill(302), ...Array(6).fill(429)]);
    const throttledItem = (first.body.responses as { status: number; headers: Record<string, string> }[]).find((r) => r.status === 429)!;
    expect(throttledItem.headers['retry-after']).toBe('600');
    expect((await call(emulator, `/v1.0${REPORT}`, PLAIN)).status).toBe(429); // the batch used the caller's quota
  });
});

describe('the emulator refuses configured tokens on every path', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ refuseTokens: { tokens: ['revoked-token'], prefixes: ['forged-'] } });
  });
  afterAll(() => emulator.close());

  it.each([
    ['Bearer revoked-token', `/v1.0${REPORT}`], // listed token, report
    ['Bearer revoked-token', '/v1.0/reports/office365ActivationCounts/proplus'], // listed token, entity
    ['Bearer forged-anything', '/beta/reports/office365ActivationCounts'], // prefix, list
    [`Bearer forged-${fakeJwt({ tid: 'contoso' })}`, `/beta${REPORT}?$format=application/json`], // prefix, JSON report
  ])('answers %s on %s 401 InvalidAuthenticationToken', async (authorization, path) => {
    const answer = await call(emulator, path, authorization);
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('refuses a $batch sent with a refused token as a whole, and serves other tokens', async () => {
    expect((await call(emulator, '/v1.0/$batch', 'Bearer revoked-token', { method: 'POST', body: reportBatch(1) })).status).toBe(401);
    expect((await call(emulator, '/v1.0/reports/office365ActivationCounts/proplus', 'Bearer revoked-token-2')).status).toBe(200); // exact match only
  });
});

describe('the report quota can be turned off or reshaped', () => {
  it('serves every call when metering is off', async () => {
    const emulator = await startEmulator({ reportQuota: false });
    try {
      expect(new Set(await callTimes(emulator, 20, `/v1.0${REPORT}`, PLAIN))).toEqual(new Set([302]));
    } finally {
      await emulator.close();
    }
  });

  it('applies explicit limits and windows', async () => {
    const emulator = await startEmulator({ reportQuota: { csvPerApp: 2, csvPerTenant: 3, jsonPerApp: 1, windowSeconds: 30 } });
    try {
      expect(await callTimes(emulator, 3, `/v1.0${REPORT}`, PLAIN)).toEqual([302, 302, 429]);
      const answer = await call(emulator, `/v1.0${REPORT}`, PLAIN);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(29);
      expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(30);
    } finally {
      await emulator.close();
    }
  });
});
