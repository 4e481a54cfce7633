import { ENTITY_SELECTION } from '../../src/activation-counts/activation-counts.properties';
import { benchIds } from './bench-seed';

export const BENCH_TOKEN = 'Bearer bench-token';

const ALL_FIELDS = ENTITY_SELECTION;

/** What autocannon sends, and how a probe checks one answer is right. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** True when an answer body is the expected success (not merely HTTP 200). */
  isCorrect(status: number, body: string): boolean;
}

export interface BenchTarget {
  scenario: string;
  /** What serves the load. */
  target: 'gateway' | 'bare proxy' | 'emulator';
  /** Extra environment of this target's gateway process, e.g. a log level; none for the default. */
  gatewayEnv?: Record<string, string>;
  /** What this row asks, when it is not the scenario's own query (shown in the row label). */
  variant?: string;
  /** Served by the baseline build (BENCH_BASELINE_DIST) instead of this worktree's dist. */
  baseline?: boolean;
  /** The gateway exports every span over OTLP/HTTP to the sink the bench starts on loopback (otlp-sink.ts). */
  tracesToSink?: boolean;
  request: LoadRequest;
}

/** The row label: the target, and its gateway variant when not the default. */
export function targetLabel(target: BenchTarget): string {
  const parts = [target.baseline ? `${target.target} (baseline build)` : target.target, ...(target.variant ? [target.variant] : []), ...Object.entries(target.gatewayEnv ?? {}).map(([k, v]) => `${k}=${v}`)];
  return parts.join(', ');
}

function graphqlRequest(query: string, isData: (data: Record<string, unknown>) => boolean): LoadRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: BENCH_TOKEN },
    body: JSON.stringify({ query }),
    isCorrect(status, body) {
      if (status !== 200) return false;
      const parsed = JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown };
      return parsed.errors === undefined && parsed.data !== undefined && parsed.data !== null && isData(parsed.data);
    },
  };
}

/** The entity A reads, and the plain GET the bare proxy and the emulator serve for it. */
const A_ID = 'proplus';
const A_REST_PATH = `/beta/reports/office365ActivationCounts/${A_ID}`;

function restRequest(): LoadRequest {
  return {
    method: 'GET',
    path: A_REST_PATH,
    headers: { authorization: BENCH_TOKEN, accept: 'application/json' },
    isCorrect: (status, body) => status === 200 && body.includes(`"id":"${A_ID}"`),
  };
}

/** The variant label of A's row with OpenTelemetry on, every request traced and exported. */
export const TRACES_ON = 'traces on, 100 % sampled';

/** The variant label of A's row that asks only `{ __typename }`. */
export const TYPENAME_ONLY = '{ __typename } only';

function scenarioARead(): LoadRequest {
  const query = `{ office365ActivationCounts(id: "${A_ID}") { ${ALL_FIELDS} } }`;
  return graphqlRequest(query, (d) => (d.office365ActivationCounts as { id?: string })?.id === A_ID);
}

export function scenarioA(): BenchTarget[] {
  const gateway = scenarioARead();
  return [
    { scenario: 'A: one entity, all fields', target: 'gateway', request: gateway },
    // The same gateway without its info line per request: what logging costs, side by side.
    { scenario: 'A: one entity, all fields', target: 'gateway', gatewayEnv: { LOG_LEVEL: 'warn' }, request: gateway },
    // No resolver and no upstream call: the fixed cost of one GraphQL request through this stack.
    { scenario: 'A: one entity, all fields', target: 'gateway', variant: TYPENAME_ONLY, request: graphqlRequest('{ __typename }', (d) => d.__typename === 'Query') },
    { scenario: 'A: one entity, all fields', target: 'bare proxy', request: restRequest() },
    { scenario: 'A: one entity, all fields', target: 'emulator', request: restRequest() },
  ];
}

/** A's read with every span exported; the default "gateway" row has no OTLP endpoint (tracing off, SDK not loaded). */
export function scenarioATraced(): BenchTarget {
  return { scenario: 'A: one entity, all fields', target: 'gateway', variant: TRACES_ON, tracesToSink: true, request: scenarioARead() };
}

/** The setting that runs graphql-js instead of the default graphql-jit; its rows sit beside A's, B's and C's default rows. */
const GRAPHQL_JS_EXECUTION = { GRAPHQL_EXECUTION: 'graphql-js' };
/**
 * The bench sends all 50 connections with one token: one caller, whose share is 8 upstream requests
 * and who may borrow the idle rest of the pool but one share (issue 14). This row holds it to its
 * share, as the hard cap before that did, to show what a hard cap costs a write (results-report.ts).
 */
export const CALLER_HARD_CAP = { MAX_UPSTREAM_BURST_PER_CALLER: '8' };

export function scenarioB(): BenchTarget {
  const ids = benchIds(20);
  const query = `{ ${ids.map((id, i) => `e${i}: office365ActivationCounts(id: "${id}") { ${ALL_FIELDS} }`).join(' ')} }`;
  return { scenario: 'B: 20 aliased lookups', target: 'gateway', request: graphqlRequest(query, (d) => ids.every((id, i) => (d[`e${i}`] as { id?: string })?.id === id)) };
}

export function scenarioC(): BenchTarget {
  const ids = benchIds(100);
  const query = `{ office365ActivationCountsByIds(ids: ${JSON.stringify(ids)}) { ${ALL_FIELDS} } }`;
  const isData = (d: Record<string, unknown>): boolean => {
    const list = d.office365ActivationCountsByIds as { id?: string }[] | undefined;
    return Array.isArray(list) && list.length === ids.length && list.every((e, i) => e?.id === ids[i]);
  };
  return { scenario: 'C: byIds, 100 ids', target: 'gateway', request: graphqlRequest(query, isData) };
}

export function scenarioD(): BenchTarget {
  const query = 'mutation { updateOffice365ActivationCounts(id: "visio", input: { windows: 9223372036854775807, productType: "Bench product" }) { id windows productType } }';
  const isData = (d: Record<string, unknown>): boolean => (d.updateOffice365ActivationCounts as { windows?: string })?.windows === '9223372036854775807';
  return { scenario: 'D: update mutation', target: 'gateway', request: graphqlRequest(query, isData) };
}

/** Every target; with a baseline build, each default gateway row is followed by the same row served by that build. */
export function allTargets(options: { baseline?: boolean } = {}): BenchTarget[] {
  const [gatewayA, ...restOfA] = scenarioA();
  // The traced row right under the untraced one it is compared with.
  const [b, c] = [scenarioB(), scenarioC()];
  const onGraphqlJs = (t: BenchTarget): BenchTarget => ({ ...t, gatewayEnv: GRAPHQL_JS_EXECUTION });
  const d = scenarioD();
  const targets = [gatewayA!, scenarioATraced(), onGraphqlJs(gatewayA!), ...restOfA, b, onGraphqlJs(b), c, onGraphqlJs(c), d, { ...d, gatewayEnv: CALLER_HARD_CAP }];
  if (!options.baseline) return targets;
  return targets.flatMap((t) => (t.target === 'gateway' && !t.gatewayEnv && !t.tracesToSink ? [t, { ...t, baseline: true }] : [t]));
}
