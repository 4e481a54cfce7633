import type { GraphQLError } from 'graphql';
import { ErrorCode, gatewayError } from '../errors';
import { toEdmDate } from '../scalars/date.scalar';
import { toInt64Value } from '../scalars/int64';
import type { EdmType } from './activation-counts.properties';

/** Longest excerpt of a bad upstream value an error message shows. */
const MAX_EXCERPT_LENGTH = 40;

function toEdmString(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`String cannot represent ${excerpt(value)}: expected a string`);
  return value;
}

const CONVERT: Record<EdmType, (value: unknown) => unknown> = {
  'Edm.String': toEdmString,
  'Edm.Date': toEdmDate,
  'Edm.Int64': toInt64Value,
};

/** A short, printable excerpt of any upstream value: a megabyte of digits must not become a megabyte of message. */
export function excerpt(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'object' && value !== null) text = 'value' in value && typeof value.value === 'string' ? value.value : Array.isArray(value) ? 'a list' : 'an object';
  else text = String(value);
  return text.length > MAX_EXCERPT_LENGTH ? `${text.slice(0, MAX_EXCERPT_LENGTH)}…` : text;
}

function shorten(message: string): string {
  // The converters echo at most ~40 characters of the value; this bounds whatever else they add.
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/**
 * Converts one upstream property value to its model form (Int64 exact: see toInt64Value), or, when the upstream
 * sent something the property cannot hold, the UPSTREAM_ERROR for that field alone: stored in the
 * field, graphql-js raises it when the field is resolved, and the rest of the answer stays data.
 * `where` may be a function of `ownerId`: it is only needed for the message, so a mapper called per
 * entity builds neither a name nor a closure binding its id for every value that is fine.
 */
export function upstreamValue(edmType: EdmType, raw: unknown, where: string | ((ownerId: string) => string), property: string, ownerId = ''): unknown {
  try {
    return CONVERT[edmType](raw);
  } catch (error: unknown) {
    const reason = error instanceof Error ? shorten(error.message) : 'not a valid value';
    return fieldError(`Upstream ${typeof where === 'string' ? where : where(ownerId)}: ${property}: ${reason}`);
  }
}

function fieldError(message: string): GraphQLError {
  return gatewayError(ErrorCode.UPSTREAM_ERROR, message);
}
