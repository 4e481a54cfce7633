import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringifyUpstreamJson } from '../graph/json';
import { handleBatch } from './batch-handler';
import { EntityStore, type StoredEntity } from './entity-store';
import { handleEntityRequest } from './entity-handlers';
import type { EmulatorRequest, EmulatorResponse, LoggedRequest } from './emulator.types';
import { FaultInjector } from './faults';
import { graphError } from './graph-error';
import { handleDownload, handleReportRequest } from './report-handlers';

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
  const text = response.rawBody ?? (response.body === undefined ? '' : stringifyUpstreamJson(response.body));
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
  const log: LoggedRequest[] = [];
  const downloads = new Map<string, string>();
  let origin = '';
  let downloadOrigin = '';

  async function dispatch(request: EmulatorRequest): Promise<EmulatorResponse | typeof HANG | typeof RESET> {
    const fault = faults.take(request);
    if (fault?.kind === 'respond') return fault.response;
    if (fault?.kind === 'hang') return HANG;
    if (fault?.kind === 'reset') return RESET;
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (!/^Bearer \S+/i.test(request.headers.authorization ?? '')) {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    if (request.path === '/$batch' && request.method === 'POST' && request.transport === 'http') {
      return handleBatch(request, dispatchBatchItem, random);
    }
    return (
      handleEntityRequest(store, { resourcePath, honourPreferReturn: options.honourPreferReturn ?? true, versionRoot: (v) => `${origin}/${v}` }, request) ??
      handleReportRequest(store, downloads, downloadOrigin, request) ??
      graphError(400, 'BadRequest', `Resource not found for the segment '${request.path.split('/')[1] ?? ''}'.`)
    );
  }

  async function dispatchBatchItem(request: EmulatorRequest): Promise<EmulatorResponse> {
    log.push({ origin: 'graph', transport: 'batch', method: request.method, url: `${request.path}${request.query.size ? `?${request.query}` : ''}`, headers: request.headers, bodyText: request.bodyText });
    const answer = await dispatch(request);
    if (answer === HANG) return new Promise(() => undefined);
    if (answer === RESET) return graphError(500, 'InternalServerError', 'The connection for this item was reset.');
    log[log.length - 1]!.status = answer.status;
    return answer;
  }

  const graphServer = createServer(async (req, res) => {
    const entry: LoggedRequest = { origin: 'graph', transport: 'http', method: req.method ?? 'GET', url: req.url ?? '/', headers: lowerHeaders(req), bodyText: '' };
    log.push(entry);
    try {
      entry.bodyText = await readBody(req);
      const url = new URL(req.url ?? '/', origin);
      const version = VERSION_PREFIX.exec(url.pathname);
      if (!version) return send(res, (entry.status = 404, graphError(404, 'NotFound', 'Use /v1.0 or /beta.')));
      const answer = await dispatch({ method: entry.method, path: version[2]!, query: url.searchParams, headers: entry.headers, bodyText: entry.bodyText, version: version[1]!, transport: 'http' });
      if (answer === HANG) return;
      if (answer === RESET) return void req.socket.destroy();
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
    log.push({ origin: 'download', transport: 'http', method: req.method ?? 'GET', url: req.url ?? '/', headers, bodyText: '', status: answer.status });
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
    baseUrl: (version = 'v1.0') => `${origin}/${version}`,
    httpRequests: () => log.filter((e) => e.origin === 'graph' && e.transport === 'http'),
    clearLog: () => void log.splice(0, log.length),
    close: async () => {
      await Promise.all([close(graphServer), close(downloadServer)]);
    },
  };
}
