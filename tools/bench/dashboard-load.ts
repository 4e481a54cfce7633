import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { benchIds } from './bench-seed';

/** How one report request of the dashboard ended: where its rows came from, or its error code. */
export type ReportOutcome = 'upstream' | 'cache' | 'stale' | string;

export interface DashboardUserTally {
  /** Report requests answered, by outcome. */
  outcomes: Map<ReportOutcome, number>;
  /** THROTTLED answers to a token that had already had data (for tenant scope: after its own proof). */
  throttledAfterData: number;
  /** Milliseconds of every report request. */
  reportLatenciesMs: number[];
  /** Entity requests (a few ids per refresh) that did not answer data. */
  entityFailures: number;
  entityRequests: number;
}

export interface DashboardLoadOptions {
  gatewayUrl: string;
  /** Authorization header values, one per user. */
  tokens: readonly string[];
  seconds: number;
  /** Each user refreshes this often; users start spread over the first interval. */
  intervalMs: number;
}

const REPORT = JSON.stringify({ query: '{ office365ActivationCountsReport { reportRefreshDate productType windows mac android ios windows10Mobile } }' });
const ENTITIES = JSON.stringify({ query: `{ ${benchIds(3).map((id, i) => `e${i}: office365ActivationCounts(id: "${id}") { id windows mac }`).join(' ')} }` });

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
  extensions?: { office365ActivationCountsReport?: { source?: string } };
}

async function post(url: string, token: string, body: string): Promise<GraphQLAnswer> {
  const answer = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body });
  return (await answer.body.json()) as GraphQLAnswer;
}

function outcomeOf(answer: GraphQLAnswer): ReportOutcome {
  const code = answer.errors?.[0]?.extensions?.code;
  if (code !== undefined) return code;
  return answer.extensions?.office365ActivationCountsReport?.source ?? 'no extension';
}

/**
 * A dashboard open by many people of one tenant: each user, with its own token, loads the report
 * and a few entities (two GraphQL requests in parallel, as a page would) every interval.
 */
export async function runDashboardLoad(options: DashboardLoadOptions): Promise<DashboardUserTally> {
  const tally: DashboardUserTally = { outcomes: new Map(), throttledAfterData: 0, reportLatenciesMs: [], entityFailures: 0, entityRequests: 0 };
  const endAt = performance.now() + options.seconds * 1000;
  const user = async (token: string, index: number): Promise<void> => {
    let hadData = false;
    await sleep((index * options.intervalMs) / options.tokens.length);
    while (performance.now() < endAt) {
      const started = performance.now();
      const [report, entities] = await Promise.all([post(options.gatewayUrl, token, REPORT), post(options.gatewayUrl, token, ENTITIES)]);
      tally.reportLatenciesMs.push(performance.now() - started);
      const outcome = outcomeOf(report);
      tally.outcomes.set(outcome, (tally.outcomes.get(outcome) ?? 0) + 1);
      if (outcome === 'THROTTLED' && hadData) tally.throttledAfterData++;
      if (report.data) hadData = true;
      tally.entityRequests++;
      if (!entities.data || entities.errors) tally.entityFailures++;
      const rest = options.intervalMs - (performance.now() - started);
      if (rest > 0) await sleep(rest);
    }
  };
  await Promise.all(options.tokens.map(user));
  return tally;
}

/** The q-quantile (0..1) of a non-empty list, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
