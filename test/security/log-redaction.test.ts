import { censorCredentials, MAX_REDACTION_DEPTH, REDACTION_CENSOR } from '../../src/security/log-redaction';

describe('censorCredentials', () => {
  it('answers the same object, untouched, when it holds no credential', () => {
    const line = { method: 'POST', url: '/graphql', nested: { headers: { 'content-type': 'application/json' } }, list: [{ id: 'a' }] };
    expect(censorCredentials(line)).toBe(line);
  });

  it('censors authorization, proxy-authorization and cookie in any case, without changing the logged object', () => {
    const line = { Authorization: 'Bearer a', headers: { cookie: 'c', 'PROXY-AUTHORIZATION': 'Basic b', accept: '*/*' }, kept: { id: 1 } };
    const censored = censorCredentials(line);
    expect(censored).toEqual({ Authorization: REDACTION_CENSOR, headers: { cookie: REDACTION_CENSOR, 'PROXY-AUTHORIZATION': REDACTION_CENSOR, accept: '*/*' }, kept: { id: 1 } });
    expect(censored.kept).toBe(line.kept); // only the objects on the way to a credential are copied
    expect(line).toEqual({ Authorization: 'Bearer a', headers: { cookie: 'c', 'PROXY-AUTHORIZATION': 'Basic b', accept: '*/*' }, kept: { id: 1 } });
  });

  it(`looks ${MAX_REDACTION_DEPTH} levels deep, through arrays too`, () => {
    const deepest = { a: { b: { headers: { authorization: 'x' } } } };
    expect(censorCredentials(deepest)).toEqual({ a: { b: { headers: { authorization: REDACTION_CENSOR } } } });
    const inList = { calls: [{ headers: { authorization: 'x' } }] };
    const censored = censorCredentials(inList);
    expect(Array.isArray(censored.calls)).toBe(true);
    expect(censored).toEqual({ calls: [{ headers: { authorization: REDACTION_CENSOR } }] });
  });

  it('keeps an error an error: class, message and stack survive the copy', () => {
    class UpstreamProblem extends Error {}
    const error = Object.assign(new UpstreamProblem('refused'), { headers: { authorization: 'x' } });
    const censored = censorCredentials({ err: error }).err;
    expect(censored).toBeInstanceOf(UpstreamProblem);
    expect(censored.message).toBe('refused');
    expect(censored.stack).toBe(error.stack);
    expect(censored.headers.authorization).toBe(REDACTION_CENSOR);
    expect(error.headers.authorization).toBe('x');
  });

  it('ends on a cycle: the walk is bounded by depth, not by the object', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(censorCredentials(cyclic)).toBe(cyclic);
  });

  it('leaves an absent credential absent', () => {
    const line = { authorization: undefined, msg: 'x' };
    expect(censorCredentials(line)).toBe(line);
  });
});

describe('child loggers', () => {
  it('the gateway creates none of its own: their bindings would not pass through the censor', () => {
    const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
    const { join } = require('node:path') as typeof import('node:path');
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
    const offenders = sources(join(__dirname, '..', '..', 'src')).filter((file) => /\.child\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
