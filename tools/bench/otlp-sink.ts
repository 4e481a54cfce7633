import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpSink {
  url: string;
  /** Export requests received, and their body bytes. */
  received(): { requests: number; bytes: number };
  /** What a traced gateway needs to export every span here. */
  gatewayEnv(): Record<string, string>;
  close(): Promise<void>;
}

/**
 * A stand-in OTLP/HTTP collector on loopback for the traced bench row: reads each export request
 * to the end and answers 200 with an empty body (an empty ExportTraceServiceResponse in either
 * protocol). Its own CPU is the runner's, not the gateway's, so the row measures what exporting
 * costs the gateway.
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  let requests = 0;
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      requests++;
      response.writeHead(200, { 'content-type': String(request.headers['content-type'] ?? 'application/x-protobuf') }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received: () => ({ requests, bytes }),
    gatewayEnv: () => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: url,
      // Every trace, whatever the default sampler: the row is the cost of tracing everything.
      OTEL_TRACES_SAMPLER: 'always_on',
      // The default queue (2048) drops spans at thousands of requests per second, which would
      // make tracing look cheaper than it is; the SDK says so on stderr at OTEL_LOG_LEVEL=warn.
      OTEL_BSP_MAX_QUEUE_SIZE: '65536',
      OTEL_LOG_LEVEL: 'warn',
    }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
