import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Dispatcher } from 'undici';
import { LOOPBACK_HOSTS, type GatewayConfig } from './config';
import { combineReportCacheEvents, ReportCacheService } from './activation-counts/report/report-cache-service';
import { reportExtensionConcern } from './activation-counts/report/report-extension-concern';
import type { Office365ActivationCountsReportRow } from './activation-counts/report/report-row.type';
import { createCallerServices } from './activation-counts/activation-counts.feature';
import { createContext, type GatewayContext } from './context';
import type { StopSignal } from './msgraph/call-signal';
import { createUpstreamClients } from './msgraph/client';
import { createUpstreamDispatcher } from './msgraph/dispatcher';
import { UpstreamAdmission } from './msgraph/upstream-admission';
import { registerAdmissionMetrics } from './observability/admission-metrics';
import { shedWhenBusy } from './http/shed-when-busy';
import { admitOperationsPerCaller } from './http/operation-admission';
import { createGraphiql } from './graphiql/graphiql';
import { registerCors } from './http/cors';
import { explainBodyRefusals } from './http/request-body-errors';
import { requestIdOnEveryRefusal } from './http/refusal-request-id';
import { enforceRequestDeadline } from './http/request-deadline';
import { registerRequestLogging, withoutFastifyRequestLines } from './http/request-logging';
import { combineHooks, type UpstreamHooks } from './msgraph/upstream-hooks';
import { buildGatewaySchema } from './schema';
import { createGatewayMetrics, type GatewayMetrics } from './observability/metrics';
import { operationsConcern } from './observability/operations-concern';
import { registerOperatorRoutes } from './observability/operator-routes';
import { closeConnectionsWhenStopping } from './observability/connection-draining';
import { upstreamLogHooks } from './observability/upstream-log';
import { lookupRefusingInternalAddresses } from './security/connect-lookup';
import { censorCredentials } from './security/log-redaction';
import { apolloLimitOptions, queryLimitSettings } from './security/query-limits';
import { DocumentCache } from './security/document-cache';
import { idsPerOperationConcern } from './security/ids-per-operation';
import { requestConcernsPlugin, type RequestConcern, type RequestHooks } from './execution/request-concerns-plugin';
import { createCursorSigner } from './activation-counts/list/cursor-signature';
import { compiledExecutionGateway, type CompiledExecutionOptions } from './execution/compiled-execution';
import { registerTrustedDocuments } from './trusted-documents/trusted-documents-hook';
import type { GatewayTracing } from './tracing/gateway-tracing';

export interface GatewayDependencies {
  config: GatewayConfig;
  /** Version root of the upstream (the configured one, or the embedded emulator's). */
  upstreamBaseUrl: string;
  /** Shared connection pool; created (and closed with the gateway) when not given. */
  dispatcher?: Dispatcher;
  /** Prebuilt schema (tests build it once); built from the type-graphql classes when not given. */
  schema?: GraphQLSchema;
  hooks?: UpstreamHooks;
  /** Where pino writes; default stdout. */
  logStream?: NodeJS.WritableStream;
  /** Token GraphiQL's headers editor starts with (the emulator's sample token); a placeholder when undefined. */
  graphiqlDefaultToken?: string;
  /** Prometheus metrics (own registry); created when not given. */
  metrics?: GatewayMetrics;
  /** True when the upstream is the embedded emulator: /health adds `upstream: "emulator"`, so a frontend (the dashboard) can offer its sample token. Default false. */
  upstreamIsEmulator?: boolean;
  /** OpenTelemetry (tracing/start-tracing.ts), when configured; shut down (spans flushed) when the gateway closes. */
  tracing?: GatewayTracing;
  /** Cache bounds and compile rule of GRAPHQL_EXECUTION=compiled (execution/compiled-plans.ts); its defaults when not given. Tests compile from the first run. */
  compiledExecution?: CompiledExecutionOptions;
  /** Clock of the report cache (freshness, stale limit, proofs, token expiry), epoch ms; default Date.now. Tests move it. */
  reportCacheClock?: () => number;
}

export interface Gateway {
  app: FastifyInstance;
  /** Starts listening; answers the base URL, e.g. http://127.0.0.1:4000. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Body size limit for GraphQL requests: far above any real operation, far below a memory threat. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Adds our request id to every error, so a caller can quote it and an operator can find the log line. */
const REQUEST_ID_IN_ERRORS: RequestHooks<GatewayContext> = {
  willSendResponse({ response, contextValue }) {
    if (response.body.kind !== 'single') return;
    for (const error of response.body.singleResult.errors ?? []) {
      (error as { extensions?: Record<string, unknown> }).extensions = { ...error.extensions, requestId: contextValue.requestId };
    }
  },
};
const requestIdInErrors: RequestConcern<GatewayContext> = () => REQUEST_ID_IN_ERRORS;

export async function createGateway(deps: GatewayDependencies): Promise<Gateway> {
  const { config } = deps;
  const ownsDispatcher = deps.dispatcher === undefined;
  const upstreamHost = new URL(deps.upstreamBaseUrl).hostname;
  // On a loopback upstream (the emulator) the report download is on loopback too (download-target.ts).
  const dispatcher = deps.dispatcher ?? createUpstreamDispatcher(LOOPBACK_HOSTS.has(upstreamHost) ? {} : { lookup: lookupRefusingInternalAddresses((host) => host === upstreamHost) });
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    genReqId: () => randomUUID(),
    // Slowloris: a request must arrive whole within requestTimeout, an idle socket closes after connectionTimeout.
    requestTimeout: config.httpRequestTimeoutMs,
    connectionTimeout: config.httpConnectionTimeoutMs,
    // Node checks requestTimeout only this often (30 s by default), so the check follows the setting.
    http: { connectionsCheckingInterval: Math.min(30_000, Math.ceil(config.httpRequestTimeoutMs / 4)) },
    // Written by registerRequestLogging instead: one line per request at info, without cloning req/res objects.
    logController: withoutFastifyRequestLines(),
    logger: {
      level: config.logLevel,
      stream: deps.logStream,
      // Tokens never reach a log line, whatever a serializer or a future log call includes
      // (security/log-redaction.ts; cheaper than pino's redact option, measured there).
      formatters: { log: censorCredentials },
      ...(deps.tracing ? { mixin: deps.tracing.logFields } : {}),
    },
  });
  app.server.maxConnections = config.maxConnections;
  const cursors = createCursorSigner(config.cursorSecret);
  const schema = deps.schema ?? (await buildGatewaySchema());
  const graphiql = createGraphiql({ defaultToken: deps.graphiqlDefaultToken });
  const metrics = deps.metrics ?? createGatewayMetrics();
  const limits = queryLimitSettings(config.queryLimits, { introspection: config.introspection });
  const apollo = new ApolloServer<GatewayContext>({
    // GRAPHQL_EXECUTION=compiled (default): graphql-jit in place of graphql-js's per-field walk
    // (execution/compiled-execution.ts); graphql-js: Apollo's own execution on the schema.
    ...(config.graphqlExecution === 'compiled' ? { gateway: compiledExecutionGateway(schema, deps.compiledExecution) } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    logger: app.log,
    ...apolloLimitOptions(limits),
    documentStore: new DocumentCache(),
    // Inline traces (ftv1) are for Apollo Studio reporting, which this gateway does not use. Cache
    // control is off too: no field carries a hint, answers are per caller (never HTTP-cacheable), and
    // its per-field hook made Apollo wrap every resolver (profiled: ~5 % of CPU per operation).
    plugins: [
      fastifyApolloDrainPlugin(app),
      graphiql.landingPagePlugin,
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      ...(deps.tracing ? [deps.tracing.operationPlugin] : []),
      // Ours, as one plugin: each separate plugin costs Apollo a request start and hook calls per request.
      requestConcernsPlugin<GatewayContext>([
        requestIdInErrors,
        idsPerOperationConcern({ maxIdsPerOperation: config.maxIdsPerOperation, maxIdsPerField: config.maxIdsPerQuery }),
        operationsConcern(metrics, app.log),
        reportExtensionConcern(),
      ]),
    ],
  });
  await apollo.start();
  // Shared by every caller: their fair shares of the upstream, and when to shed.
  const budget = config.upstreamBudget;
  const admission = new UpstreamAdmission(budget.admission);
  const admissionMetrics = registerAdmissionMetrics(metrics.registry, admission);
  // Resolved once: every request only binds its caller's token and signal to these.
  const clientFor = createUpstreamClients({
    baseUrl: deps.upstreamBaseUrl,
    timeoutMs: config.graphTimeoutMs,
    maxRetries: config.graphMaxRetries,
    dispatcher,
    hooks: combineHooks(metrics.upstreamHooks, upstreamLogHooks(app.log), deps.tracing?.decisionEvents.upstream, deps.hooks),
    operationLimits: budget.operation,
    admission,
    tracing: deps.tracing?.upstream,
  });
  const featureSettings = { resourcePath: config.graphResourcePath, maxIdsPerQuery: config.maxIdsPerQuery, cursors };
  // One per gateway: kept report copies outlive requests (keyed by token hash or tenant, see report-cache-service.ts).
  const reportCache = new ReportCacheService<Office365ActivationCountsReportRow>({ settings: config.reportCache, events: deps.tracing ? combineReportCacheEvents(metrics.reportCacheEvents, deps.tracing.decisionEvents.reportCache) : metrics.reportCacheEvents, logger: app.log, now: deps.reportCacheClock });
  const servicesFor = (caller: { authorization: string; signal?: StopSignal }) => createCallerServices(clientFor(caller), featureSettings, { authorization: caller.authorization, reportCache });

  deps.tracing?.registerHttpSpans(app, { graphqlPath: '/graphql' });
  registerRequestLogging(app, { incomingLines: config.logLevel === 'debug' || config.logLevel === 'trace' });
  requestIdOnEveryRefusal(app);
  enforceRequestDeadline(app, config.httpRequestTimeoutMs);
  shedWhenBusy(app, { saturated: () => admission.saturated, retryAfterSeconds: 1, onShed: () => admissionMetrics.shed.inc() });
  explainBodyRefusals(app, MAX_BODY_BYTES);
  const operations = admitOperationsPerCaller(app, { maxPerCaller: config.maxOperationsPerCaller, maxWaitMs: config.maxOperationWaitMs, upstreamBacklogged: () => admission.backlog > 0, onRefused: () => admissionMetrics.operationsRefused.inc() });
  admissionMetrics.watchOperations(operations);
  app.get('/health', async () => (deps.upstreamIsEmulator ? { status: 'ok', upstream: 'emulator' } : { status: 'ok' }));
  closeConnectionsWhenStopping(app);
  registerOperatorRoutes(app, { registry: metrics.registry, upstreamBaseUrl: deps.upstreamBaseUrl, dispatcher, readyTimeoutMs: config.readyTimeoutMs });
  await registerCors(app, config.corsOrigins);
  graphiql.register(app);
  registerTrustedDocuments(app, { settings: config.trustedDocuments, documents: metrics.documents });
  await app.register(fastifyApollo(apollo), {
    context: async (request) => {
      // The operation admission's preHandler gave every GraphQL request its disconnect signal.
      return createContext(servicesFor, { requestId: String(request.id), authorization: request.headers.authorization, signal: operations.signalOf(request) });
    },
  });

  return {
    app,
    listen: () => app.listen({ port: config.port, host: config.host }),
    close: async () => {
      await app.close();
      if (ownsDispatcher) await (dispatcher as Dispatcher).close();
      await deps.tracing?.shutdown();
    },
  };
}
