import { bounded } from '../bench/bench-settings';

/** What `npm run profile` runs: one scenario against one or more builds, side by side; every value from the environment. */
export interface ProfileSettings {
  /** PROFILE_SCENARIO: A (one entity), F (A's `{ __typename }`), B (20 aliases), C (byIds 100), D (mutation). Default B. */
  scenario: ProfileScenario;
  /** PROFILE_SECONDS of load per gateway process, after a 3 s warm-up. Default 5. */
  seconds: number;
  /** PROFILE_PROCESSES per build, alternating between builds (one process's CPU per request varies by up to 1.6×). Default 2. */
  processes: number;
  /** PROFILE_CONNECTIONS, autocannon's. Default 50. */
  connections: number;
  /** PROFILE_DISTS: comma-separated dist folders, each inside a checkout whose node_modules it resolves. Default this worktree's dist. */
  dists: string[];
  /** PROFILE_GATEWAY_ENV: JSON object of extra gateway environment, e.g. {"GRAPHQL_EXECUTION":"graphql-js"}. */
  gatewayEnv: Record<string, string>;
  /** PROFILE_NODE_ARGS: node flags for the gateway, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
  nodeArgs: string[];
}

export const PROFILE_SCENARIOS = ['A', 'F', 'B', 'C', 'D'] as const;
export type ProfileScenario = (typeof PROFILE_SCENARIOS)[number];

function gatewayEnvFrom(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`PROFILE_GATEWAY_ENV=${JSON.stringify(raw)}: expected a JSON object of strings, e.g. {"GRAPHQL_EXECUTION":"graphql-js"}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
    throw new Error(`PROFILE_GATEWAY_ENV=${JSON.stringify(raw)}: expected a JSON object of strings, e.g. {"GRAPHQL_EXECUTION":"graphql-js"}`);
  }
  return parsed as Record<string, string>;
}

export function loadProfileSettings(env: Record<string, string | undefined>, defaultDist: string): ProfileSettings {
  const scenario = (env.PROFILE_SCENARIO || 'B').toUpperCase();
  if (!(PROFILE_SCENARIOS as readonly string[]).includes(scenario)) throw new Error(`PROFILE_SCENARIO=${JSON.stringify(env.PROFILE_SCENARIO)}: expected one of ${PROFILE_SCENARIOS.join(', ')}`);
  return {
    scenario: scenario as ProfileScenario,
    seconds: bounded(env, 'PROFILE_SECONDS', 5, 1, 120),
    processes: bounded(env, 'PROFILE_PROCESSES', 2, 1, 20),
    connections: bounded(env, 'PROFILE_CONNECTIONS', 50, 1, 1000),
    dists: (env.PROFILE_DISTS || defaultDist).split(',').map((d) => d.trim()).filter(Boolean),
    gatewayEnv: gatewayEnvFrom(env.PROFILE_GATEWAY_ENV),
    nodeArgs: (env.PROFILE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
  };
}
