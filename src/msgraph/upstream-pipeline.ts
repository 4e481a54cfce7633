import { attemptIdentityLayer } from './attempt-identity-layer';
import { callerFairnessLayer } from './caller-fairness-layer';
import { coalescingLayer } from './coalescing-layer';
import { operationBudgetLayer } from './operation-budget-layer';
import { observeLayer } from './observe-layer';
import { retryLayer } from './retry-layer';
import type { RetryPolicy } from './retry-policy';
import type { UpstreamAdmission } from './upstream-admission';
import { composeLayers, type UpstreamHandler, type UpstreamLayer } from './upstream-call';
import type { UpstreamHooks } from './upstream-hooks';

export interface UpstreamPipelineOptions {
  /** The innermost handler (transport.ts). */
  transport: UpstreamHandler;
  hooks: UpstreamHooks;
  retryPolicy: RetryPolicy;
  /** A span per attempt (upstream-tracing.ts); undefined when tracing is off, and then not in the list. */
  tracingLayer?: UpstreamLayer;
  /** Per-caller and global concurrency (upstream-admission.ts); none when undefined. */
  admission?: UpstreamAdmission;
}

/**
 * Every attempt charged to its operation's budget, then admitted by its caller's and the gateway's
 * concurrency: below retry in the pipeline, and over the bare transport of the report download.
 */
export function budgetLayers(admission: UpstreamAdmission | undefined): UpstreamLayer[] {
  return admission ? [operationBudgetLayer(), callerFairnessLayer(admission)] : [operationBudgetLayer()];
}

/**
 * The upstream client's layers, outermost first: THE place to insert a new one. Built once at
 * start; each call carries its operation's scope (deadline, caller signal), so per-operation state
 * lives in the scope, not here.
 *   - coalescing (identical GETs of one caller in flight share one call) goes first, above retry,
 *     so the shared call is retried once for all and its joiners spend no budget;
 *   - the per-operation budget and caller fairness go right below retry, so every attempt counts;
 *   - the OpenTelemetry layer (a span per upstream request, when tracing is on) goes next to observe, per attempt.
 */
export function upstreamLayers(options: UpstreamPipelineOptions, destination: 'upstream' | 'download' = 'upstream'): UpstreamLayer[] {
  // The attempt id and the trace context are headers for Graph; the download's origin gets neither.
  const headerLayers = destination === 'upstream' ? [attemptIdentityLayer(), ...(options.tracingLayer ? [options.tracingLayer] : [])] : [];
  return [coalescingLayer({ onCoalesced: options.hooks.onCoalesced }), retryLayer(options.retryPolicy), ...budgetLayers(options.admission), ...headerLayers, observeLayer(options.hooks)];
}

/** Credentialed calls: every layer, then the transport. */
export function createUpstreamPipeline(options: UpstreamPipelineOptions): UpstreamHandler {
  return composeLayers(upstreamLayers(options), options.transport);
}

/**
 * The report download (a pre-authenticated URL on another origin): the same layers but the two
 * that add headers, the attempt id and the trace context, which that origin has no use for.
 */
export function createDownloadPipeline(options: UpstreamPipelineOptions): UpstreamHandler {
  return composeLayers(upstreamLayers(options, 'download'), options.transport);
}
