import { LRUCache } from 'lru-cache';

/** How a copy may answer: `cache` while fresh, `stale` afterwards (only when Graph throttles, the caller decides). */
export type ReportCopySource = 'cache' | 'stale';

export interface ReportCacheOptions {
  /** Seconds a copy is fresh (answers without asking Graph). Config REPORT_CACHE_SECONDS, default 600. */
  freshSeconds: number;
  /** Seconds a copy may still answer as stale. Config REPORT_STALE_SECONDS, default 3600. Older copies are dropped. */
  staleSeconds: number;
  /** Most copies kept (least recently used go first). Config REPORT_CACHE_MAX_ENTRIES. */
  maxEntries: number;
  /** Most bytes kept, as estimated per copy; a single copy larger than this is not kept. Config REPORT_CACHE_MAX_BYTES. */
  maxBytes: number;
  /** Epoch ms. Default Date.now. */
  now?: () => number;
}

export interface ReportCopyInput<Row> {
  rows: readonly Row[];
  /** When Graph answered, epoch ms. Default now. */
  fetchedAt?: number;
  /** Never answer after this, epoch ms: the fetching token's `exp` for a caller's copy; none for a tenant copy. */
  notAfter?: number;
  /** Tenant of the token that fetched the copy, for the tenant-scope rule. */
  tid?: string;
  /** Bytes charged against maxBytes. Default estimateReportBytes(rows). */
  bytes?: number;
}

/** A lookup hit: everything the `extensions.office365ActivationCountsReport` answer needs. */
export interface ReportCopy<Row> {
  rows: readonly Row[];
  source: ReportCopySource;
  /** Epoch ms Graph answered this copy. */
  fetchedAt: number;
  /** Whole seconds since fetchedAt. */
  ageSeconds: number;
  tid?: string;
}

interface Entry<Row> {
  rows: readonly Row[];
  fetchedAt: number;
  notAfter: number;
  tid?: string;
  bytes: number;
}

/** A rough size of parsed rows (their JSON length, Int64 as digits): enough to bound memory, cheap once per fetch. */
export function estimateReportBytes(rows: readonly unknown[]): number {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)).length;
}

/**
 * Parsed report rows kept across requests, bounded by entries and bytes (LRU). Keys come from
 * report-cache-key.ts (a SHA-256 of the token, or the tenant id), never a token. A copy is
 * `cache` until freshSeconds, `stale` until staleSeconds, and gone after either limit or its
 * `notAfter`. Rows are frozen: one copy may answer many requests.
 */
export class ReportCache<Row extends object> {
  private readonly entries: LRUCache<string, Entry<Row>>;
  private readonly now: () => number;

  constructor(private readonly options: ReportCacheOptions) {
    if (!(options.staleSeconds >= options.freshSeconds && options.freshSeconds >= 0)) {
      throw new RangeError(`report cache needs 0 <= freshSeconds <= staleSeconds, got ${options.freshSeconds} and ${options.staleSeconds}`);
    }
    this.now = options.now ?? Date.now;
    this.entries = new LRUCache<string, Entry<Row>>({ max: options.maxEntries, maxSize: options.maxBytes, sizeCalculation: (entry) => Math.max(1, entry.bytes) });
  }

  /** Keeps a copy unless a newer one is already kept (answers may finish out of order). Returns whether it was kept. */
  put(key: string, input: ReportCopyInput<Row>): boolean {
    const fetchedAt = input.fetchedAt ?? this.now();
    const existing = this.entries.peek(key);
    if (existing && existing.fetchedAt > fetchedAt) return false;
    const rows = Object.freeze(input.rows.map((row) => Object.freeze({ ...row })));
    const entry: Entry<Row> = { rows, fetchedAt, notAfter: input.notAfter ?? Number.POSITIVE_INFINITY, bytes: input.bytes ?? estimateReportBytes(rows) };
    if (input.tid !== undefined) entry.tid = input.tid;
    if (entry.bytes > this.options.maxBytes) {
      this.entries.delete(key);
      return false;
    }
    this.entries.set(key, entry);
    return true;
  }

  /** The copy under `key`, fresh (`cache`) or `stale`, or undefined when there is none usable any more. */
  get(key: string): ReportCopy<Row> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    const ageMs = Math.max(0, now - entry.fetchedAt);
    if (now >= entry.notAfter || ageMs >= this.options.staleSeconds * 1000) {
      this.entries.delete(key);
      return undefined;
    }
    const copy: ReportCopy<Row> = { rows: entry.rows, source: ageMs < this.options.freshSeconds * 1000 ? 'cache' : 'stale', fetchedAt: entry.fetchedAt, ageSeconds: Math.floor(ageMs / 1000) };
    if (entry.tid !== undefined) copy.tid = entry.tid;
    return copy;
  }

  /** Drops a copy, e.g. after Graph answered 401/403 for its token. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }
}
