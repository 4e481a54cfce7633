import type { GraphQLError } from 'graphql';
import { errorFromUpstream, ErrorCode, gatewayError } from '../errors';
import { executeBatch, type BatchSubRequest } from '../msgraph/batch';
import type { GraphClient, UpstreamResponse } from '../msgraph/client';
import { entityPath, entityPathsWith } from '../msgraph/entity-path';
import { entityFromUpstream, nameOf, patchBodyFromInput, type ReadAction } from './activation-counts.mapper';
import { excerpt } from './upstream-value';
import type { UpdateOffice365ActivationCountsInput } from './activation-counts.input';
import type { Office365ActivationCounts } from './activation-counts.type';

/** A read's outcome: the entity, null when the upstream says 404, or that item's own error. */
export type EntityOutcome = Office365ActivationCounts | null | GraphQLError;

export interface ActivationCountsUpstreamOptions {
  client: GraphClient;
  resourcePath: string;
}

const readOf = (id: string): string => `read of entity ${JSON.stringify(id)}`;

/** `ids` without repeats, in first-seen order; `ids` itself when it has none. */
function distinct(ids: readonly string[]): readonly string[] {
  const seen = new Set(ids);
  return seen.size === ids.length ? ids : [...seen];
}

/** The outcome of each of `ids`, from the outcomes of its distinct ids. */
function inOrderOf(ids: readonly string[], unique: readonly string[], outcomes: readonly EntityOutcome[]): EntityOutcome[] {
  const outcomeOfId = new Map<string, EntityOutcome>();
  unique.forEach((id, at) => outcomeOfId.set(id, outcomes[at]!));
  return ids.map((id) => outcomeOfId.get(id)!);
}

/** `action` names the read in error messages only (see ReadAction): a $batch of fine items builds no name. */
function outcomeOf(askedId: string, status: number, headers: Record<string, string | undefined>, body: unknown, action: ReadAction): EntityOutcome {
  if (status === 200) {
    try {
      return entityAskedFor(askedId, entityFromUpstream(body, action, askedId), headers, action);
    } catch (error: unknown) {
      return error as GraphQLError;
    }
  }
  if (status === 404) return null;
  return errorFromUpstream({ status, headers, body }, nameOf(action, askedId));
}

/**
 * The upstream must answer the entity that was asked for: a $batch answer with swapped or
 * duplicated items, or a GET answering another id, would otherwise be stitched onto the wrong key.
 */
function entityAskedFor(askedId: string, entity: Office365ActivationCounts, headers: Record<string, string | undefined>, action: ReadAction): Office365ActivationCounts {
  if (entity.id === askedId) return entity;
  const upstream = headers['request-id'] ? { status: 200, requestId: headers['request-id'] } : { status: 200 };
  throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${nameOf(action, askedId)} with entity ${excerpt(entity.id)} instead of the one asked for`, upstream);
}

/** Reads and writes of the entity, through one caller's GraphClient. */
export class ActivationCountsUpstream {
  constructor(private readonly options: ActivationCountsUpstreamOptions) {}

  /**
   * One GET for one id, one or more $batch calls (≤ 20 each) for several; an id asked twice is read
   * once. Runs per round of the loader, so the per-id work is kept to arrays of positions: no object,
   * closure or map entry per id beyond what the $batch request itself needs.
   */
  async readMany(ids: readonly string[], properties?: readonly string[]): Promise<EntityOutcome[]> {
    const unique = ids.length > 1 ? distinct(ids) : ids;
    const outcomes: EntityOutcome[] = new Array<EntityOutcome>(unique.length);
    /** Positions in `unique` of the ids sent, and their sub-requests, in the same order. */
    const sentAt: number[] = [];
    const requests: BatchSubRequest[] = [];
    const pathOf = entityPathsWith(this.options.resourcePath, properties);
    for (let at = 0; at < unique.length; at++) {
      try {
        // Sub-request ids are positions, not entity keys: keys may hold any character.
        requests.push({ id: String(requests.length + 1), method: 'GET', url: pathOf(unique[at]!) });
        sentAt.push(at);
      } catch (error: unknown) {
        outcomes[at] = error as GraphQLError;
      }
    }
    if (requests.length === 1) {
      outcomes[sentAt[0]!] = await this.readOne(unique[sentAt[0]!]!, requests[0]!.url);
    } else if (requests.length > 1) {
      const answers = await executeBatch(this.options.client, requests, `read ${requests.length} entities in $batch`);
      for (let i = 0; i < requests.length; i++) {
        const id = unique[sentAt[i]!]!;
        const answer = answers.get(requests[i]!.id)!;
        outcomes[sentAt[i]!] = answer.error ? (answer.error as GraphQLError) : outcomeOf(id, answer.status, answer.headers, answer.body, readOf);
      }
    }
    return unique === ids ? outcomes : inOrderOf(ids, unique, outcomes);
  }

  private async readOne(id: string, path: string): Promise<EntityOutcome> {
    const action = readOf(id);
    const answer = await this.options.client.send({ method: 'GET', path, action });
    return outcomeOf(id, answer.status, answer.headers, answer.body, action);
  }

  /** PATCH with only the given fields; the updated entity from a 200 body, or read back after a 204. */
  async update(id: string, input: UpdateOffice365ActivationCountsInput): Promise<Office365ActivationCounts> {
    const path = entityPath(this.options.resourcePath, id);
    const body = patchBodyFromInput(input);
    const action = `update of entity ${JSON.stringify(id)}`;
    const answer: UpstreamResponse = await this.options.client.send({
      method: 'PATCH',
      path,
      body,
      headers: { prefer: 'return=representation' },
      action,
    });
    if (answer.status === 200 && answer.body !== undefined) return entityAskedFor(id, entityFromUpstream(answer.body, action), answer.headers, action);
    if (answer.status === 200 || answer.status === 204) {
      const readBack = await this.readOne(id, path);
      if (readBack instanceof Error) throw readBack;
      if (readBack === null) throw gatewayError(ErrorCode.NOT_FOUND, `Entity ${JSON.stringify(id)} was updated but is gone when read back`);
      return readBack;
    }
    throw errorFromUpstream(answer, action);
  }
}
