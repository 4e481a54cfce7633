import type { ActivationCountsContext, CallerServices } from './activation-counts/activation-counts.feature';

export interface GatewayContext extends ActivationCountsContext {
  /** Our id for this GraphQL request, in logs and error extensions. */
  requestId: string;
}

export interface IncomingCall {
  requestId: string;
  authorization: string | undefined;
  /** Aborts when the client disconnects before the answer is sent. */
  signal?: AbortSignal;
}

/** Builds one caller's services from a well-formed bearer header; made once at start (server.ts). */
export type CallerServicesFactory = (caller: { authorization: string; signal?: AbortSignal }) => CallerServices;

const BEARER = /^Bearer [\x21-\x7e]+$/i;

/** Builds the per-request context: parses the bearer token, asks the feature for that caller's services. No upstream call happens here. */
export function createContext(servicesFor: CallerServicesFactory, call: IncomingCall): GatewayContext {
  const context: GatewayContext = { requestId: call.requestId };
  if (call.authorization === undefined || call.authorization === '') {
    context.authProblem = 'No Authorization header: send "Authorization: Bearer <access token>"';
    return context;
  }
  if (!BEARER.test(call.authorization)) {
    context.authProblem = 'The Authorization header is not a bearer token: expected "Bearer <access token>"';
    return context;
  }
  context.caller = servicesFor({ authorization: call.authorization, signal: call.signal });
  return context;
}
