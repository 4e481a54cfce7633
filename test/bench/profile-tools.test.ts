import { loadProfileSettings } from '../../tools/profile/profile-settings';
import { packageOf, summarizeCpuProfile, summarizeHeapProfile, type HeapProfileNode } from '../../tools/profile/profile-summary';

const frame = (functionName: string, url: string, lineNumber = 1) => ({ functionName, url, lineNumber });

describe('profile summaries', () => {
  it('sums CPU self time by function and by package, GC and our build apart', () => {
    const summary = summarizeCpuProfile({
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('execute', 'file:///x/node_modules/graphql/execution/execute.js', 10) },
        { id: 3, callFrame: frame('(garbage collector)', '') },
        { id: 4, callFrame: frame('readMany', 'file:///work/repo/dist/src/activation-counts/activation-counts.upstream.js', 39) },
      ],
      samples: [2, 3, 2, 4, 2],
      timeDeltas: [100, 50, 100, 25, 100],
    });
    expect(summary.totalMicros).toBe(375);
    expect(summary.byPackage.map((s) => [s.name, s.amount])).toEqual([['graphql', 300], ['(garbage collector)', 50], ['ours', 25]]);
    expect(summary.byFunction[0]).toMatchObject({ name: 'execute graphql/execution/execute.js:10', amount: 300, share: 0.8 });
    expect(summary.byFunction[2]!.name).toBe('readMany dist/src/activation-counts/activation-counts.upstream.js:39');
  });

  it('sums allocated bytes by function and shows who allocates through a given function', () => {
    const node = (name: string, selfSize: number, children: HeapProfileNode[] = []): HeapProfileNode => ({ callFrame: frame(name, 'node:internal/x'), selfSize, children });
    const profile = { head: node('(root)', 0, [node('resolver', 10, [node('sort', 300)]), node('loader', 0, [node('sort', 100), node('Set', 40)])]) };
    const summary = summarizeHeapProfile(profile, 10, /^sort /);
    expect(summary.totalBytes).toBe(450);
    expect(summary.byFunction.map((s) => [s.name.split(' ')[0], s.amount])).toEqual([['sort', 400], ['Set', 40], ['resolver', 10]]);
    expect(summary.callers.map((s) => [s.name.split(' ')[0], s.amount])).toEqual([['resolver', 300], ['loader', 100]]);
  });

  it('names packages, scoped ones included', () => {
    expect(packageOf(frame('f', 'file:///a/node_modules/@apollo/server/dist/cjs/x.js'))).toBe('@apollo/server');
    expect(packageOf(frame('f', 'file:///a/node_modules/undici/lib/x.js'))).toBe('undici');
    expect(packageOf(frame('writev', ''))).toBe('writev');
  });
});

describe('loadProfileSettings', () => {
  it('has defaults and reads every setting', () => {
    expect(loadProfileSettings({}, '/repo/dist')).toEqual({ scenario: 'B', seconds: 5, processes: 2, connections: 50, dists: ['/repo/dist'], gatewayEnv: {}, nodeArgs: [] });
    const set = loadProfileSettings({ PROFILE_SCENARIO: 'f', PROFILE_DISTS: '/a/dist, /b/dist', PROFILE_GATEWAY_ENV: '{"GRAPHQL_EXECUTION":"graphql-js"}', PROFILE_NODE_ARGS: ' --cpu-prof  --cpu-prof-dir=/tmp/p ' }, '/repo/dist');
    expect(set).toMatchObject({ scenario: 'F', dists: ['/a/dist', '/b/dist'], gatewayEnv: { GRAPHQL_EXECUTION: 'graphql-js' }, nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/p'] });
  });

  it('refuses what it cannot run, saying what it expected', () => {
    expect(() => loadProfileSettings({ PROFILE_SCENARIO: 'E' }, 'd')).toThrow('PROFILE_SCENARIO="E": expected one of A, F, B, C, D');
    expect(() => loadProfileSettings({ PROFILE_PROCESSES: '0' }, 'd')).toThrow('PROFILE_PROCESSES="0": expected a whole number from 1 to 20');
    expect(() => loadProfileSettings({ PROFILE_GATEWAY_ENV: '{"A":1}' }, 'd')).toThrow(/expected a JSON object of strings/);
    expect(() => loadProfileSettings({ PROFILE_GATEWAY_ENV: 'nope' }, 'd')).toThrow(/expected a JSON object of strings/);
  });
});
