import type { OperationScope } from './operation-scope';

/** One HTTP request to the upstream as it travels down the layers (see upstream-pipeline.ts). */
export interface UpstreamCall {
  method: 'GET' | 'PATCH' | 'POST';
  /** Absolute URL. */
  url: string;
  /** The URL's path below the version root, query included; observers drop the query's values. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** 1 for the first try; the retry layer numbers the others. */
  attempt: number;
  scope: OperationScope;
}

/** Every HTTP answer, whatever its status: statuses are the caller's to interpret. */
export interface UpstreamResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string | undefined>;
  /** The raw body text (the report's CSV is not JSON). */
  text: string;
  /** The body parsed losslessly when it is JSON, else undefined. */
  body: unknown;
  /** Bytes of body received. */
  bytes: number;
}

/** A JSON batch: one HTTP request carrying up to 20, each of which Graph counts on its own (GRAPH_FACTS). */
export function isBatch(call: { method: string; path: string }): boolean {
  return call.method === 'POST' && call.path.startsWith('/$batch');
}

export type UpstreamHandler = (call: UpstreamCall) => Promise<UpstreamResponse>;

/** Wraps the handler below it, as undici's interceptors wrap dispatch: each layer does one job. */
export type UpstreamLayer = (next: UpstreamHandler) => UpstreamHandler;

/** `layers[0]` is outermost (sees a call first); the last layer calls `innermost`. */
export function composeLayers(layers: readonly UpstreamLayer[], innermost: UpstreamHandler): UpstreamHandler {
  return layers.reduceRight<UpstreamHandler>((next, layer) => layer(next), innermost);
}
