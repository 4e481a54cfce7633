/** A request as the emulator's handlers see it, whether it came over HTTP or inside a $batch. */
export interface EmulatorRequest {
  method: string;
  /** Path below the version root, still percent-encoded, e.g. /reports/office365ActivationCounts/a%2Fb */
  path: string;
  query: URLSearchParams;
  /** Lower-cased names. */
  headers: Record<string, string | undefined>;
  bodyText: string;
  /** 'v1.0' or 'beta'. */
  version: string;
  transport: 'http' | 'batch';
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value (serialized losslessly), a raw string, or nothing. */
  body?: unknown;
  rawBody?: string;
}

/** One line of the emulator's request log: what really reached the upstream. */
export interface LoggedRequest {
  /** 'graph' for the API origin, 'download' for the report's pre-authenticated CSV origin. */
  origin: 'graph' | 'download';
  transport: 'http' | 'batch';
  method: string;
  /** Path and query as received. */
  url: string;
  headers: Record<string, string | undefined>;
  bodyText: string;
  status?: number;
  /** Epoch ms the request arrived (HTTP requests to the Graph origin). */
  receivedAt?: number;
  /** The client's TCP port: requests sharing one are sharing a keep-alive connection. */
  remotePort?: number;
  /** True when the client closed the connection before the answer was complete (e.g. the gateway cancelled). */
  clientClosed?: boolean;
}
