import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLSchema } from 'graphql';
import { loadConfig, type GatewayConfig } from '../../src/config';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/emulator';
import { buildGatewaySchema } from '../../src/schema';
import { createGateway, type Gateway, type GatewayDependencies } from '../../src/server';
import { postGraphQL } from './graphql-http';
import { saveCapturedLogs } from './log-capture';

export const TOKEN = 'Bearer test-token-alpha';

let schemaOnce: Promise<GraphQLSchema> | undefined;
/** type-graphql builds are slow-ish; one schema serves every gateway of a test file. */
export function sharedSchema(): Promise<GraphQLSchema> {
  schemaOnce ??= buildGatewaySchema();
  return schemaOnce;
}

export interface Harness {
  emulator: Emulator;
  gateway: Gateway;
  /** http://127.0.0.1:PORT of the gateway. */
  url: string;
  config: GatewayConfig;
  logs: string[];
  /** POST a GraphQL operation; answers the HTTP status and parsed body. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null; headers?: Record<string, string> }): Promise<{ status: number; body: T }>;
  /** Sends a generated typed document (test/generated/client/graphql.ts); the result is typed by it. */
  op<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, options?: { token?: string | null }): Promise<{ status: number; body: { data?: TResult | null; errors?: GraphQLErrorJson[] } }>;
  close(): Promise<void>;
}

export interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; upstream?: { status?: number; code?: string; requestId?: string; retryAfterSeconds?: number }; [key: string]: unknown };
}

export interface HarnessOptions {
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  version?: 'v1.0' | 'beta';
  deps?: Partial<GatewayDependencies>;
}

/** Starts the emulator and a gateway in front of it, both on port 0, and a GraphQL helper. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator(options.emulator);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', GRAPH_BASE_URL: emulator.baseUrl(options.version ?? 'v1.0'), ...options.env });
  const logs: string[] = [];
  // Kept apart from `logs` (tests may empty it) for the secret scan after the run.
  const everyLine: string[] = [];
  const tokensSent = new Set<string>([TOKEN]);
  const logStream = { write: (line: string) => void (logs.push(line), everyLine.push(line)) } as unknown as NodeJS.WritableStream;
  // Compiled from the first run (the default waits for the second), so every case exercises graphql-jit.
  const gateway = await createGateway({ config, upstreamBaseUrl: config.graphBaseUrl!, schema: await sharedSchema(), logStream, compiledExecution: { runsBeforeCompiling: 0 }, ...options.deps });
  const url = await gateway.listen();
  const harness: Harness = {
    emulator,
    gateway,
    url,
    config,
    logs,
    async gql(query, variables, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const token = opts.token === undefined ? TOKEN : opts.token;
      if (token !== null) headers.authorization = token;
      if (headers.authorization) tokensSent.add(headers.authorization);
      const { status, text } = await postGraphQL(url, { query, variables }, headers);
      return { status, body: text ? JSON.parse(text) : undefined };
    },
    op(document, variables, opts) {
      return harness.gql(print(document), variables as Record<string, unknown>, opts) as never;
    },
    async close() {
      await gateway.close();
      await emulator.close();
      saveCapturedLogs(everyLine, tokensSent);
    },
  };
  return harness;
}

/**
 * Starts a harness before the tests of the enclosing `describe` and closes it after them: the
 * setup and teardown every end-to-end file needs. Answers a stand-in that forwards to the started
 * harness, so tests read `h.url` and call `h.gql(...)` as they would on `startHarness`'s answer.
 * `options` may be a function when building them is itself asynchronous (a custom schema).
 */
export function useHarness(options: HarnessOptions | (() => Promise<HarnessOptions>) = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(typeof options === 'function' ? await options() : options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (started === undefined) throw new Error(`useHarness: h.${String(key)} was read before beforeAll started the harness; read it inside a test or hook`);
      return Reflect.get(started, key);
    },
  });
}
