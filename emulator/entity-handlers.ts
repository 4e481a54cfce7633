import { ENTITY_PROPERTIES } from '../src/activation-counts/activation-counts.properties';
import type { EntityStore, StoredEntity } from './entity-store';
import type { EmulatorRequest, EmulatorResponse } from './emulator.types';
import { graphError, graphJson } from './graph-error';
import { parsePatchBody } from './patch-validation';

const PROPERTIES: readonly string[] = ENTITY_PROPERTIES;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

export interface EntityHandlerOptions {
  resourcePath: string;
  /** Whether PATCH honours `Prefer: return=representation` with a 200 body (else always 204). */
  honourPreferReturn: boolean;
  /** Absolute version root as callers see it, for @odata.nextLink. */
  versionRoot: (version: string) => string;
}

function parseSelect(query: URLSearchParams): string[] | { problem: string } | undefined {
  const raw = query.get('$select');
  if (raw === null) return undefined;
  const names = raw.split(',').map((s) => s.trim());
  const unknown = names.find((n) => !PROPERTIES.includes(n));
  if (unknown !== undefined) return { problem: `Could not find a property named '${unknown}' on type 'microsoft.graph.office365ActivationCounts'.` };
  return names;
}

function project(entity: StoredEntity, select: string[] | undefined): Record<string, unknown> {
  const source = entity as unknown as Record<string, unknown>;
  const shown: Record<string, unknown> = { '@odata.type': '#microsoft.graph.office365ActivationCounts' };
  for (const name of select ?? PROPERTIES) shown[name] = source[name];
  return shown;
}

/** GET/PATCH {resourcePath}/{id} and GET {resourcePath} (paged), as Graph answers them. */
export function handleEntityRequest(store: EntityStore, options: EntityHandlerOptions, request: EmulatorRequest): EmulatorResponse | undefined {
  const prefix = `${options.resourcePath}/`;
  if (request.path === options.resourcePath && request.method === 'GET') return listPage(store, options, request);
  if (!request.path.startsWith(prefix)) return undefined;
  const segment = request.path.slice(prefix.length);
  if (segment.includes('/')) return graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  const id = decodeURIComponent(segment);
  const select = parseSelect(request.query);
  if (select && !Array.isArray(select)) return graphError(400, 'BadRequest', select.problem);
  if (request.method === 'GET') {
    const entity = store.get(id);
    if (!entity) return graphError(404, 'ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    return graphJson(200, project(entity, select));
  }
  if (request.method === 'PATCH') {
    if (!store.get(id)) return graphError(404, 'ResourceNotFound', `Resource '${id}' does not exist.`);
    const parsed = parsePatchBody(request.bodyText);
    if ('problem' in parsed) return graphError(400, 'BadRequest', parsed.problem);
    const updated = store.patch(id, parsed.changes)!;
    const wantsBody = options.honourPreferReturn && /return=representation/i.test(request.headers.prefer ?? '');
    return wantsBody ? graphJson(200, project(updated, undefined)) : { status: 204, headers: {} };
  }
  return graphError(405, 'MethodNotAllowed', `${request.method} is not supported on this resource.`);
}

function listPage(store: EntityStore, options: EntityHandlerOptions, request: EmulatorRequest): EmulatorResponse {
  const select = parseSelect(request.query);
  if (select && !Array.isArray(select)) return graphError(400, 'BadRequest', select.problem);
  const topText = request.query.get('$top');
  const top = topText === null ? DEFAULT_PAGE_SIZE : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE) return graphError(400, 'BadRequest', `Invalid $top value '${topText}': expected 1 to ${MAX_PAGE_SIZE}.`);
  const skipText = request.query.get('$skiptoken') ?? '0';
  const skip = Number(skipText);
  if (!/^\d+$/.test(skipText)) return graphError(400, 'BadRequest', `Invalid $skiptoken '${skipText}'.`);
  const all = store.list();
  const page = all.slice(skip, skip + top).map((e) => project(e, select));
  const body: Record<string, unknown> = { '@odata.context': `${options.versionRoot(request.version)}/$metadata#office365ActivationCounts`, value: page };
  if (skip + top < all.length) {
    const next = new URLSearchParams(request.query);
    next.set('$skiptoken', String(skip + top));
    next.set('$top', String(top));
    body['@odata.nextLink'] = `${options.versionRoot(request.version)}${options.resourcePath}?${next.toString().replace(/%24/g, '$').replace(/%2C/g, ',')}`;
  }
  return graphJson(200, body);
}
