import type { GraphQLError } from 'graphql';
import { errorFromUpstream, ErrorCode, gatewayError } from '../errors';
import { executeBatch, type BatchSubRequest } from '../msgraph/batch';
import type { GraphClient, UpstreamResponse } from '../msgraph/client';
import { entityPath, entityPathsWith } from '../msgraph/entity-path';
import { entityFromUpstream, patchBodyFromInput } from './activation-counts.mapper';
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

/** `action` names the read in error messages only: a function, so a $batch of fine items builds none. */
function outcomeOf(askedId: string, status: number, headers: Record<string, string | undefined>, body: unknown, action: () => string): EntityOutcome {
  if (status === 200) {
    try {
      return entityAskedFor(askedId, entityFromUpstream(body, action), headers, action);
    } catch (error: unknown) {
      return error as GraphQLError;
    }
  }
  if (status === 404) return null;
  return errorFromUpstream({ status, headers, body }, action());
}

/**
 * The upstream must answer the entity that was asked for: a $batch answer with swapped or
 * duplicated items, or a GET answering another id, would otherwise be stitched onto the wrong key.
 */
function entityAskedFor(askedId: string, entity: Office365ActivationCounts, headers: Record<string, string | undefined>, action: () => string): Office365ActivationCounts {
  if (entity.id === askedId) return entity;
  const upstream = headers['request-id'] ? { status: 200, requestId: headers['request-id'] } : { status: 200 };
  throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${action()} with entity ${excerpt(entity.id)} instead of the one asked for`, upstream);
}

/** Reads and writes of the entity, through one caller's GraphClient. */
export class ActivationCountsUpstream {
  constructor(private readonly options: ActivationCountsUpstreamOptions) {}

  /** One GET for one id, one or more $batch calls (≤ 20 each) for several. */
  async readMany(ids: readonly string[], properties?: readonly string[]): Promise<EntityOutcome[]> {
    const unique = [...new Set(ids)];
    const outcomes = new Map<string, EntityOutcome>();
    const valid: { id: string; url: string }[] = [];
    const pathOf = entityPathsWith(this.options.resourcePath, properties);
    for (const id of unique) {
      try {
        valid.push({ id, url: pathOf(id) });
      } catch (error: unknown) {
        outcomes.set(id, error as GraphQLError);
      }
    }
    if (valid.length === 1) {
      const [{ id, url }] = valid as [{ id: string; url: string }];
      outcomes.set(id, await this.readOne(id, url));
    } else if (valid.length > 1) {
      // Sub-request ids are positions, not entity keys: keys may hold any character.
      const requests: BatchSubRequest[] = valid.map(({ url }, index) => ({ id: String(index + 1), method: 'GET', url }));
      const answers = await executeBatch(this.options.client, requests, `read ${valid.length} entities in $batch`);
      valid.forEach(({ id }, index) => {
        const answer = answers.get(String(index + 1))!;
        if (answer.error) outcomes.set(id, answer.error as GraphQLError);
        else outcomes.set(id, outcomeOf(id, answer.status, answer.headers, answer.body, () => readOf(id)));
      });
    }
    return ids.map((id) => outcomes.get(id)!);
  }

  private async readOne(id: string, path: string): Promise<EntityOutcome> {
    const action = readOf(id);
    const answer = await this.options.client.send({ method: 'GET', path, action });
    return outcomeOf(id, answer.status, answer.headers, answer.body, () => action);
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
    if (answer.status === 200 && answer.body !== undefined) return entityAskedFor(id, entityFromUpstream(answer.body, action), answer.headers, () => action);
    if (answer.status === 200 || answer.status === 204) {
      const readBack = await this.readOne(id, path);
      if (readBack instanceof Error) throw readBack;
      if (readBack === null) throw gatewayError(ErrorCode.NOT_FOUND, `Entity ${JSON.stringify(id)} was updated but is gone when read back`);
      return readBack;
    }
    throw errorFromUpstream(answer, action);
  }
}
