import { ErrorCode, gatewayError } from '../errors';
import { ACTIVATION_COUNTS_PROPERTIES } from './activation-counts.properties';
import type { UpdateOffice365ActivationCountsInput } from './activation-counts.input';
import { Office365ActivationCounts } from './activation-counts.type';
import { excerpt, upstreamValue } from './upstream-value';

/** Longest productType we forward; the upstream has no documented limit, this guards our own memory. */
const MAX_PRODUCT_TYPE_LENGTH = 256;

const entityNamed = (id: string): string => `entity ${excerpt(id)}`;

/**
 * The action for a message. Reads of many entities pass a function of the id asked for, called only
 * when a message is made: no name, and no closure binding the id, is built per entity that is fine.
 */
export type ReadAction = string | ((askedId: string) => string);

export function nameOf(action: ReadAction, askedId: string): string {
  return typeof action === 'string' ? action : action(askedId);
}

/**
 * Builds the model from an upstream entity body. Unknown properties (`@odata.type`,
 * `@odata.context`) are dropped; each property is converted on its own, and a value it cannot hold
 * becomes an error on that field only (see upstreamValue), exactly as in report rows.
 */
export function entityFromUpstream(body: unknown, action: ReadAction, askedId = ''): Office365ActivationCounts {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${nameOf(action, askedId)} without an entity object`);
  }
  const source = body as Record<string, unknown>;
  if (typeof source.id !== 'string' || source.id === '') {
    throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${nameOf(action, askedId)} with an entity that has no string id`);
  }
  const entity = new Office365ActivationCounts();
  const target = entity as unknown as Record<string, unknown>;
  const id = source.id;
  for (const { name, edmType } of ACTIVATION_COUNTS_PROPERTIES) {
    const value = source[name];
    target[name] = value === undefined || value === null ? null : upstreamValue(edmType, value, entityNamed, name, id);
  }
  return entity;
}

/** The PATCH body: exactly the fields the caller set (null included), Int64 as bigint for exact digits. */
export function patchBodyFromInput(input: UpdateOffice365ActivationCountsInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined) body[name] = value;
  }
  if (Object.keys(body).length === 0) {
    throw gatewayError(ErrorCode.BAD_USER_INPUT, 'UpdateOffice365ActivationCountsInput is empty: set at least one property to change (null clears one)');
  }
  if (typeof body.productType === 'string' && body.productType.length > MAX_PRODUCT_TYPE_LENGTH) {
    throw gatewayError(ErrorCode.BAD_USER_INPUT, `productType is ${body.productType.length} characters long; at most ${MAX_PRODUCT_TYPE_LENGTH} are accepted`);
  }
  return body;
}
