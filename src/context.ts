import type { StopSignal } from './msgraph/call-signal';
import type { ActivationCountsContext, CallerServices } from './activation-counts/activation-counts.feature';

export interface GatewayContext extends ActivationCountsContext {
  /** Our id for this GraphQL request, in logs and error extensions. */
  requestId: string;
}

export interface IncomingCall {
  requestId: string;
  authorization: string | undefined;
  /** Aborts when the client disconnects before the answer is sent. */
  signal?: StopSignal;
}

/** Builds one caller's services from a well-formed bearer header; made once at start (server.ts). */
export type CallerServicesFactory = (caller: { authorization: string; signal?: StopSignal }) => CallerServices;

const BEARER = /^Bearer [\x21-\x7e]+$/i;

/**
 * One request's context. The caller's services are built on first use: an operation that reaches no
 * entity field (`{ __typename }`, an introspection query) builds no client, loader or token hash.
 * A class, so the getter lives on the prototype: Apollo copies the context's own fields into a fresh
 * object of the same prototype before running the operation (cloneObject), which would otherwise
 * call the getter right there, or drop it.
 */
class RequestContext implements GatewayContext {
  authProblem?: string;
  private services: CallerServices | undefined = undefined;

  constructor(
    readonly requestId: string,
    private readonly buildServices?: () => CallerServices,
  ) {}

  get caller(): CallerServices | undefined {
    if (this.buildServices === undefined) return undefined;
    return (this.services ??= this.buildServices());
  }
}

/** Builds the per-request context: parses the bearer token; the feature builds that caller's services when first asked. No upstream call happens here. */
export function createContext(servicesFor: CallerServicesFactory, call: IncomingCall): GatewayContext {
  const { authorization } = call;
  if (authorization === undefined || authorization === '') return withProblem(call, 'No Authorization header: send "Authorization: Bearer <access token>"');
  if (!BEARER.test(authorization)) return withProblem(call, 'The Authorization header is not a bearer token: expected "Bearer <access token>"');
  return new RequestContext(call.requestId, () => servicesFor({ authorization, signal: call.signal }));
}

function withProblem(call: IncomingCall, problem: string): GatewayContext {
  const context = new RequestContext(call.requestId);
  context.authProblem = problem;
  return context;
}
