import { LogController, type FastifyInstance } from 'fastify';
import { decodedParameterName } from '../query-parameter-name';

/**
 * The request log: one "request completed" line per request at info (method, path, status,
 * duration, request id: an access log), or "request aborted" when the client left before its
 * answer, and Fastify's "incoming request" line too at debug.
 * Why one line at info rather than Fastify's two: each line cost ~5 µs of a ~80 µs one-entity read
 * (measured: `LOG_LEVEL=warn` took A from 79 to 67 µs), and the incoming line tells nothing the
 * completed one does not, for requests that all end within their deadlines; debugging a request
 * that never answers is what `LOG_LEVEL=debug` is for.
 * Flat string and number fields instead of the `req`/`res` objects Fastify logs: with `redact`
 * configured, pino cloned every logged object that a redaction path could reach; the nested objects
 * made the two lines the largest allocator of the whole request (profiled: ~16 % of the bytes
 * allocated, ~9 % of CPU in benchmark A). Flat fields hold no headers, so there is nothing to redact.
 * Build Fastify with `logController: withoutFastifyRequestLines()`, or every line is written twice.
 */
/** Fastify's log controller with its own request lines off: registerRequestLogging writes them. */
export function withoutFastifyRequestLines(): LogController {
  return new LogController({ disableRequestLogging: true });
}

/** Query-string parameters whose values never reach a log line (GET operations carry their inputs there). */
const UNLOGGED_PARAMETERS = new Set(['variables', 'extensions']);

/**
 * The URL as logged: `variables` and `extensions` values replaced by their length (they hold the
 * caller's inputs, which may be personal data), found by decoded name so `%76ariables` is caught too.
 */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const pairs = url.slice(at + 1).split('&').map((pair) => {
    const name = decodedParameterName(pair);
    const valueLength = pair.includes('=') ? pair.length - pair.indexOf('=') - 1 : 0;
    return UNLOGGED_PARAMETERS.has(name) ? `${name}=[${valueLength} chars omitted]` : pair;
  });
  return `${url.slice(0, at)}?${pairs.join('&')}`;
}

export interface RequestLoggingOptions {
  /** Also write "incoming request" when a request arrives (LOG_LEVEL debug or trace). Default false. */
  incomingLines?: boolean;
}

export function registerRequestLogging(app: FastifyInstance, options: RequestLoggingOptions = {}): void {
  // Registered only when wanted: a debug call below the level is cheap, but building its fields is not.
  if (options.incomingLines) {
    app.addHook('onRequest', (request, _reply, done) => {
      request.log.debug({ method: request.method, url: loggableUrl(request.url) }, 'incoming request');
      done();
    });
  }
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ method: request.method, url: loggableUrl(request.url), statusCode: reply.statusCode, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
  // A client that leaves before its answer is sent gets no "request completed" line (the answer
  // never finishes): this one says so, so that every request leaves a line at info.
  app.addHook('onRequestAbort', (request, done) => {
    request.log.info({ method: request.method, url: loggableUrl(request.url) }, 'request aborted: the client left before its answer was sent');
    done();
  });
}
