import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Bounds of the compiled operations kept (options of compiledExecutionGateway). */
export interface CompiledPlanOptions {
  /**
   * Total query text of the cached compiled operations. Default 64 K characters: compiled code
   * takes ~200 bytes of heap per character of query (measured: 25 KB for a 121-character read,
   * 470 KB for 20 aliases), so the cache stays near 13 MB however many distinct operations arrive.
   */
  maxSourceChars?: number;
  /** Runs of an operation on graphql-js before it is compiled. Default 1 (see ON_GRAPHQL_JS_FIRST). */
  runsBeforeCompiling?: number;
}

/** The parts of a request a plan is looked up by (Apollo's request context has them all). */
export interface PlannedRequest {
  source: string;
  queryHash: string;
  document: DocumentNode;
  operationName: string | null;
}

/** What an operation runs with: its compiled form, or graphql-js when it is not (or not yet) compiled. */
export type Plan = { compiled: CompiledQuery } | { compiled: undefined };

const DEFAULT_MAX_SOURCE_CHARS = 64 * 1024;
/** An operation longer than this share of the cache runs on graphql-js: compiling it would evict most others. */
const MAX_SHARE_OF_CACHE = 1 / 8;
/**
 * Why operations run once on graphql-js before compiling: compiling costs ~3× Apollo's parse and
 * validation of the same text (measured, graphql-jit 0.8.9: 11 ms against 3.5 ms for 50 aliases of
 * all eight fields, 6 K characters; 0.25 ms for a one-entity read). A flood of distinct one-off
 * documents therefore never compiles and costs what graphql-js costs; an operation that comes back
 * compiles once. Per request, compiling is bounded by the text it may take (1/8 of the cache, 8 K
 * characters by default, within the query limits' 5000 tokens and 50 aliases: at most ~15 ms).
 */
const DEFAULT_RUNS_BEFORE_COMPILING = 1;
/** Operations seen but not yet compiled, remembered by key only (~100 bytes each). */
const MAX_OPERATIONS_AWAITING_COMPILATION = 1024;

/**
 * Operations that always run on graphql-js: introspection's meta fields are graphql-js's own (GraphiQL,
 * stitching), and federation's `_entities` returns a list of an abstract type whose bad items are
 * errors, which graphql-jit 0.8.9 answers with extra list entries (test/composition/entity-representations).
 * No rule sends small selections there: executing `{ __typename }` takes 0.02–0.04 µs compiled
 * against 0.45 µs on graphql-js (measured in process), and over HTTP F costs the same either way.
 */
const RUN_ON_GRAPHQL_JS = /__schema|__type\b|_entities/;

const ON_GRAPHQL_JS: Plan = { compiled: undefined };

/** Looks up (and compiles when due) the plan of a request; what runs where is decided once per cached plan. */
export function createPlanCache(schema: GraphQLSchema, options: CompiledPlanOptions = {}): (request: PlannedRequest) => Plan {
  const maxSourceChars = options.maxSourceChars ?? DEFAULT_MAX_SOURCE_CHARS;
  const runsBeforeCompiling = options.runsBeforeCompiling ?? DEFAULT_RUNS_BEFORE_COMPILING;
  const plans = new LRUCache<string, Plan>({ maxSize: maxSourceChars });
  const runsSoFar = new LRUCache<string, number>({ max: MAX_OPERATIONS_AWAITING_COMPILATION });
  return (request) => {
    if (request.source.length > maxSourceChars * MAX_SHARE_OF_CACHE) return ON_GRAPHQL_JS;
    // Keyed by the document's hash (as Apollo's document cache) and the operation picked from it.
    const key = request.operationName === null ? request.queryHash : `${request.queryHash}\n${request.operationName}`;
    const cached = plans.get(key);
    if (cached !== undefined) return cached;
    const runs = runsSoFar.get(key) ?? 0;
    if (runs < runsBeforeCompiling) {
      runsSoFar.set(key, runs + 1);
      return ON_GRAPHQL_JS;
    }
    runsSoFar.delete(key);
    const compiled = RUN_ON_GRAPHQL_JS.test(request.source) ? undefined : compileQuery(schema, request.document, request.operationName ?? undefined);
    const plan: Plan = compiled !== undefined && isCompiledQuery(compiled) ? { compiled } : ON_GRAPHQL_JS;
    // The size counts the query text the entry stands for, which dominates what it holds.
    plans.set(key, plan, { size: Math.max(1, request.source.length) });
    return plan;
  };
}
