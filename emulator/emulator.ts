import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringifyJson } from './json';
import { handleBatch } from './batch-handler';
import { EntityStore, type StoredEntity } from './entity-store';
import { handleEntityRequest } from './entity-handlers';
import type { EmulatorRequest, EmulatorResponse, LoggedRequest } from './emulator.types';
import { FaultInjector, type GlobalFaultOptions } from './faults';
import { graphError } from './graph-error';
import { handleDownload, handleReportRequest } from './report-handlers';
import { DOCUMENTED_REPORT_QUOTA, ReportQuota, type ReportQuotaLimits } from './report-quota';
import { reportAdmission } from './report-quota-gate';
import { isRefusedToken, type TokenRefusalOptions } from './token-refusal';

export interface EmulatorOptions {
  /** Loopback interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Port of the Graph origin; 0 (default) picks a free one. The download origin always takes a free port. */
  port?: number;
  /** Entity collection path. Default /reports/office365ActivationCounts. */
  resourcePath?: string;
  /** Initial entities. Default: sampleEntities(). */
  seed?: StoredEntity[];
  /** Answer PATCH with 200 + body when asked by `Prefer: return=representation`. Default true; false forces 204. */
  honourPreferReturn?: boolean;
  /** Source of randomness for shuffled $batch answers. Default Math.random. */
  random?: () => number;
  /** Random fault mode and added latency from the start (the standalone emulator's env); tests may also call faults.configure. */
  faults?: GlobalFaultOptions;
  /**
   * Store every request in `log`. Default true. A load test sends millions of requests: with false,
   * `log` stays empty and only `counters` grow, so memory stays flat.
   */
  keepLog?: boolean;
  /**
   * Graph's report quota, per (tenant, app) from the token's `tid` and `appid`/`azp` claims.
   * Default: the documented numbers (DOCUMENTED_REPORT_QUOTA); false turns metering off.
   */
  reportQuota?: ReportQuotaLimits | false;
  /** Tokens answered 401 InvalidAuthenticationToken on every path. Default: none. */
  refuseTokens?: TokenRefusalOptions;
  /**
   * Each caller gets its own report data: every row's productType ends with the caller's tag
   * (` [oid:…]`, ` [tid:…]` or ` [token:<12 hex of its SHA-256>]`, see report-caller-tag.ts), so
   * tests can tell whose copy an answer is. Default false.
   */
  reportPerCaller?: boolean;
  /** Clock of the report quota's windows, in epoch ms. Default Date.now. */
  now?: () => number;
}

/** Running totals, kept whether or not `log` stores the requests. */
export interface EmulatorCounters {
  /** Requests that crossed HTTP to the Graph origin (a $batch counts once). */
  graphHttp: number;
  /** Sub-requests carried inside $batch calls. */
  batchItems: number;
  /** Report requests (plain or $batch items) the report handler answered, 429s included; injected faults are not counted. */
  reportRequests: number;
  /** Of those, the ones the report quota answered 429. */
  reportThrottled: number;
}

/** An in-process emulator of the Graph resource, for `npm start` without an account and for tests. */
export interface Emulator {
  /** http://127.0.0.1:PORT of the Graph origin. */
  readonly origin: string;
  /** Origin of the pre-authenticated report downloads (a second server, as on the real Graph). */
  readonly downloadOrigin: string;
  readonly store: EntityStore;
  readonly faults: FaultInjector;
  /** Every request that reached either origin, in arrival order; batch items are logged with transport 'batch'. */
  readonly log: LoggedRequest[];
  readonly counters: EmulatorCounters;
  /** The report quota's windows (undefined when metering is off); tests may reset() them. */
  readonly reportQuota: ReportQuota | undefined;
  /** Version root a gateway should use, e.g. http://127.0.0.1:PORT/v1.0. */
  baseUrl(version?: 'v1.0' | 'beta'): string;
  /** Requests that crossed HTTP to the Graph origin (what the upstream really served). */
  httpRequests(): LoggedRequest[];
  clearLog(): void;
  close(): Promise<void>;
}

const VERSION_PREFIX = /^\/(v1\.0|beta)(\/.*)$/;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const HANG = Symbol('hang');
const RESET = Symbol('reset');
/** Not JSON, though labelled so: a body cut short by a broken upstream. */
const MALFORMED_JSON = '{"id":"malformed","windows":12,';

/** The normal answer, to be sent with its body cut short. */
class Truncated {
  constructor(readonly response: EmulatorResponse) {}
}

function sendTruncated(res: ServerResponse, response: EmulatorResponse): void {
  const text = response.rawBody ?? (response.body === undefined ? '' : stringifyJson(response.body));
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(text) });
  // Half the promised bytes, then the connection goes away: the client sees a premature close.
  res.write(text.slice(0, Math.floor(text.length / 2)));
  setImmediate(() => res.socket?.destroy());
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return headers;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  const text = response.rawBody ?? (response.body === undefined ? '' : stringifyJson(response.body));
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}`);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const resourcePath = options.resourcePath ?? '/reports/office365ActivationCounts';
  const random = options.random ?? Math.random;
  const store = new EntityStore(options.seed);
  const faults = new FaultInjector();
  if (options.faults) faults.configure(options.faults);
  const log: LoggedRequest[] = [];
  const keepLog = options.keepLog ?? true;
  const counters: EmulatorCounters = { graphHttp: 0, batchItems: 0, reportRequests: 0, reportThrottled: 0 };
  const record = (entry: LoggedRequest): void => {
    if (entry.origin === 'graph') {
      if (entry.transport === 'http') counters.graphHttp++;
      else counters.batchItems++;
    }
    if (keepLog) log.push(entry);
  };
  const downloads = new Map<string, string>();
  const reportQuota = options.reportQuota === false ? undefined : new ReportQuota(options.reportQuota ?? DOCUMENTED_REPORT_QUOTA, options.now);
  let origin = '';
  let downloadOrigin = '';

  async function dispatch(request: EmulatorRequest): Promise<EmulatorResponse | Truncated | typeof HANG | typeof RESET> {
    // Latency is per HTTP request; items inside a $batch share their batch's.
    if (faults.latencyMs > 0 && request.transport === 'http') await new Promise((r) => setTimeout(r, faults.latencyMs));
    const fault = faults.take(request);
    if (fault?.kind === 'respond') return fault.response;
    if (fault?.kind === 'hang') return HANG;
    if (fault?.kind === 'reset') return RESET;
    if (fault?.kind === 'malformed') return { status: 200, headers: { 'content-type': 'application/json' }, rawBody: MALFORMED_JSON };
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'truncate') {
      const answer = await answerNormally(request);
      return request.transport === 'http' ? new Truncated(answer) : graphError(500, 'InternalServerError', 'The answer for this item was cut short.');
    }
    return answerNormally(request);
  }

  async function answerNormally(request: EmulatorRequest): Promise<EmulatorResponse> {
    if (!/^Bearer \S+/i.test(request.headers.authorization ?? '')) {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    if (isRefusedToken(options.refuseTokens, request.headers.authorization)) {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    }
    if (request.path === '/$batch' && request.method === 'POST' && request.transport === 'http') {
      return handleBatch(request, dispatchBatchItem, random);
    }
    const entityAnswer = handleEntityRequest(store, { resourcePath, honourPreferReturn: options.honourPreferReturn ?? true, versionRoot: (v) => `${origin}/${v}` }, request);
    if (entityAnswer) return entityAnswer;
    const reportAnswer = handleReportRequest(store, downloads, downloadOrigin, request, reportAdmission(reportQuota, request), options.reportPerCaller ?? false);
    if (reportAnswer) {
      counters.reportRequests++;
      if (reportAnswer.status === 429) counters.reportThrottled++;
      return reportAnswer;
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${request.path.split('/')[1] ?? ''}'.`);
  }

  async function dispatchBatchItem(request: EmulatorRequest): Promise<EmulatorResponse> {
    const entry: LoggedRequest = { origin: 'graph', transport: 'batch', method: request.method, url: `${request.path}${request.query.size ? `?${request.query}` : ''}`, headers: request.headers, bodyText: request.bodyText };
    record(entry);
    const answer = await dispatch(request);
    if (answer === HANG) return new Promise(() => undefined);
    if (answer === RESET) return graphError(500, 'InternalServerError', 'The connection for this item was reset.');
    if (answer instanceof Truncated) return graphError(500, 'InternalServerError', 'The answer for this item was cut short.');
    // The entry itself, not the log's last line: the items of one $batch are answered concurrently.
    entry.status = answer.status;
    return answer;
  }

  const graphServer = createServer(async (req, res) => {
    const entry: LoggedRequest = { origin: 'graph', transport: 'http', method: req.method ?? 'GET', url: req.url ?? '/', headers: lowerHeaders(req), bodyText: '', receivedAt: Date.now(), remotePort: req.socket.remotePort };
    record(entry);
    // The client (the gateway) went away before our answer was complete: it cancelled the call.
    res.on('close', () => {
      if (!res.writableFinished) entry.clientClosed = true;
    });
    try {
      entry.bodyText = await readBody(req);
      const url = new URL(req.url ?? '/', origin);
      const version = VERSION_PREFIX.exec(url.pathname);
      if (!version) return send(res, (entry.status = 404, graphError(404, 'NotFound', 'Use /v1.0 or /beta.')));
      const answer = await dispatch({ method: entry.method, path: version[2]!, query: url.searchParams, headers: entry.headers, bodyText: entry.bodyText, version: version[1]!, transport: 'http' });
      if (answer === HANG) return;
      if (answer === RESET) return void req.socket.destroy();
      if (answer instanceof Truncated) {
        entry.status = answer.response.status;
        return sendTruncated(res, answer.response);
      }
      entry.status = answer.status;
      send(res, answer);
    } catch (error: unknown) {
      entry.status = 500;
      if (!res.headersSent) send(res, graphError(500, 'InternalServerError', (error as Error).message));
    }
  });
  const downloadServer = createServer((req, res) => {
    const headers = lowerHeaders(req);
    const answer = handleDownload(downloads, req.method ?? 'GET', new URL(req.url ?? '/', downloadOrigin).pathname, headers);
    record({ origin: 'download', transport: 'http', method: req.method ?? 'GET', url: req.url ?? '/', headers, bodyText: '', status: answer.status });
    req.resume();
    send(res, answer);
  });

  origin = await listen(graphServer, host, options.port ?? 0);
  downloadOrigin = await listen(downloadServer, host, 0);

  return {
    origin,
    downloadOrigin,
    store,
    faults,
    log,
    counters,
    reportQuota,
    baseUrl: (version = 'v1.0') => `${origin}/${version}`,
    httpRequests: () => log.filter((e) => e.origin === 'graph' && e.transport === 'http'),
    clearLog: () => void log.splice(0, log.length),
    close: async () => {
      await Promise.all([close(graphServer), close(downloadServer)]);
    },
  };
}
