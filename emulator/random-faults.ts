import type { EmulatorRequest, EmulatorResponse } from './emulator.types';
import { graphError } from './graph-error';
import { seededRandom } from './seeded-random';

/** Random mode, modelled on the Graph SDK's ChaosHandler: a share of requests answered from its status pools. */
export interface RandomFaultOptions {
  /** Share of requests to fail, 0 to 1 (0.1 = 10 %). */
  rate: number;
  /** Seed for a reproducible sequence; default: Math.random. */
  seed?: number;
  /** Retry-After seconds on injected 429s. Default 3, as ChaosHandler sends. */
  retryAfterSeconds?: number;
  /** Which requests are eligible: plain HTTP, items inside a $batch, or both (default both, as Graph throttles items too). */
  transports?: ('http' | 'batch')[];
}

/** ChaosHandler's pools: GET/PATCH get 429, 500, 502, 503, 504; POST, PUT and DELETE may also get 507. */
const READ_WRITE_POOL = [429, 500, 502, 503, 504];
const CREATE_DELETE_POOL = [...READ_WRITE_POOL, 507];

const GRAPH_CODES: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
  507: 'InsufficientStorage',
};

export function statusPoolFor(method: string): readonly number[] {
  return ['POST', 'PUT', 'DELETE'].includes(method.toUpperCase()) ? CREATE_DELETE_POOL : READ_WRITE_POOL;
}

/** Decides, request by request, whether to inject a fault and which answer it is. */
export class RandomFaults {
  private readonly random: () => number;

  constructor(private readonly options: RandomFaultOptions) {
    if (!(options.rate >= 0 && options.rate <= 1)) throw new RangeError(`random fault rate must be between 0 and 1, got ${options.rate}`);
    this.random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  }

  get rate(): number {
    return this.options.rate;
  }

  /** An injected error answer, or undefined to let the request through. */
  pick(request: EmulatorRequest): EmulatorResponse | undefined {
    const transports = this.options.transports ?? ['http', 'batch'];
    if (!transports.includes(request.transport)) return undefined;
    if (this.random() >= this.options.rate) return undefined;
    const pool = statusPoolFor(request.method);
    const status = pool[Math.floor(this.random() * pool.length)]!;
    const headers: Record<string, string> = status === 429 ? { 'retry-after': String(this.options.retryAfterSeconds ?? 3) } : {};
    return graphError(status, GRAPH_CODES[status]!, `Injected by the emulator's random fault mode (${Math.round(this.options.rate * 100)} %).`, headers);
  }
}
