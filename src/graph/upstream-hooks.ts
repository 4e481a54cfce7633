/** Observations the upstream client reports (metrics, logs); every member is optional. */
export interface UpstreamHooks {
  onResponse?(event: { method: string; status: number; durationMs: number; attempt: number }): void;
  onNetworkError?(event: { method: string; reason: string; durationMs: number }): void;
  onRetry?(event: { method: string; status: number | 'network'; attempt: number; delayMs: number }): void;
  onBatch?(event: { size: number }): void;
}
