import { attemptIdentityLayer } from './attempt-identity-layer';
import { coalescingLayer } from './coalescing-layer';
import { observeLayer } from './observe-layer';
import { retryLayer } from './retry-layer';
import type { RetryPolicy } from './retry-policy';
import { composeLayers, type UpstreamHandler, type UpstreamLayer } from './upstream-call';
import type { UpstreamHooks } from './upstream-hooks';

export interface UpstreamPipelineOptions {
  /** The innermost handler (transport.ts). */
  transport: UpstreamHandler;
  hooks: UpstreamHooks;
  retryPolicy: RetryPolicy;
}

/**
 * The upstream client's layers, outermost first: THE place to insert a new one. Built once at
 * start; each call carries its operation's scope (deadline, caller signal), so per-operation state
 * lives in the scope, not here. Coalescing (identical GETs of one caller in flight share one call)
 * goes first, above retry, so the shared call is retried once for all. Still to come:
 *   - a per-operation budget / fairness layer (max upstream requests per operation, max concurrent
 *     per caller) goes right below retry, so every attempt counts;
 *   - an OpenTelemetry layer (a span per upstream request) goes next to observe, per attempt.
 */
export function upstreamLayers(options: UpstreamPipelineOptions): UpstreamLayer[] {
  return [coalescingLayer({ onCoalesced: options.hooks.onCoalesced }), retryLayer(options.retryPolicy), attemptIdentityLayer(), observeLayer(options.hooks)];
}

/** Credentialed calls: every layer, then the transport. */
export function createUpstreamPipeline(options: UpstreamPipelineOptions): UpstreamHandler {
  return composeLayers(upstreamLayers(options), options.transport);
}
