import { errorFromUpstream, ErrorCode, gatewayError } from '../../errors';
import type { GraphClient } from '../../msgraph/client';
import { selectQuery } from '../../msgraph/entity-path';
import { pathUnderBase, withSelect } from '../../msgraph/upstream-url';
import { entityFromUpstream } from '../activation-counts.mapper';
import type { Office365ActivationCounts } from '../activation-counts.type';
import { Office365ActivationCountsConnection, PageInfo } from '../connection.type';
import type { PagePosition } from './cursor';
import type { CursorSigner } from './cursor-signature';

/** `first` range: Graph collections commonly cap `$top` at 999. */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 999;

export interface ActivationCountsPagesOptions {
  client: GraphClient;
  resourcePath: string;
  cursors: CursorSigner;
}

interface UpstreamPage {
  entities: Office365ActivationCounts[];
  /** The query of @odata.nextLink ("?$top=…&$skiptoken=…"), already checked to address our collection. */
  nextLink?: string;
}

/** The collection as a Relay connection: one upstream GET per connection, following Graph's next links. */
export class ActivationCountsPages {
  constructor(private readonly options: ActivationCountsPagesOptions) {}

  /** `properties` undefined means every property (no `$select`). */
  async connection(first: number, after: string | null, properties: readonly string[] | undefined): Promise<Office365ActivationCountsConnection> {
    if (!Number.isInteger(first) || first < MIN_PAGE_SIZE || first > MAX_PAGE_SIZE) {
      throw gatewayError(ErrorCode.BAD_USER_INPUT, `first: ${first} is out of range; expected ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}`);
    }
    const start = after === null ? this.firstPage(first) : this.positionFromCursor(after);
    const path = withSelect(`${this.options.resourcePath}${start.url}`, selectQuery(properties));
    const page = await this.fetchPage(path);
    const shown = page.entities.slice(start.skip, start.skip + first);
    const lastIndexOfPage = page.entities.length - 1;
    const edges = shown.map((node, i) => {
      const index = start.skip + i;
      // The last entity of a page resumes at the next link itself: no refetch of this page.
      const resume: PagePosition = index === lastIndexOfPage && page.nextLink ? { url: page.nextLink, skip: 0 } : { url: start.url, skip: index + 1 };
      return { cursor: this.options.cursors.sign(resume), node };
    });
    const pageInfo = new PageInfo();
    pageInfo.hasNextPage = start.skip + first < page.entities.length || page.nextLink !== undefined;
    pageInfo.hasPreviousPage = after !== null;
    pageInfo.startCursor = edges[0]?.cursor ?? null;
    pageInfo.endCursor = edges.at(-1)?.cursor ?? null;
    const connection = new Office365ActivationCountsConnection();
    connection.edges = edges;
    connection.nodes = shown;
    connection.pageInfo = pageInfo;
    return connection;
  }

  /** Positions hold the page's query only ("?$top=…"); the collection path is always ours. */
  private firstPage(first: number): PagePosition {
    return { url: `?$top=${first}`, skip: 0 };
  }

  private pathOf(url: string): string | undefined {
    return pathUnderBase(this.options.client.baseUrl, url);
  }

  /** Only a signed cursor is read; its query still has to be a query (defence in depth). */
  private positionFromCursor(after: string): PagePosition {
    const position = this.options.cursors.verify(after);
    if (!position.url.startsWith('?') || position.url.includes('#')) {
      throw gatewayError(ErrorCode.BAD_USER_INPUT, `after: the cursor does not hold a page of this gateway's collection ${this.options.client.baseUrl}${this.options.resourcePath}; pass a cursor this gateway issued`);
    }
    return position;
  }

  private async fetchPage(path: string): Promise<UpstreamPage> {
    const action = 'read a page of the collection';
    const answer = await this.options.client.send({ method: 'GET', path, action });
    if (answer.status !== 200) throw errorFromUpstream(answer, action);
    const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as { value?: unknown; '@odata.nextLink'?: unknown };
    if (!Array.isArray(body.value)) throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${action} without a "value" array`);
    const nextLink = body['@odata.nextLink'];
    let nextQuery: string | undefined;
    if (nextLink !== undefined && nextLink !== null) {
      const next = typeof nextLink === 'string' ? this.pathOf(nextLink) : undefined;
      if (next === undefined) {
        throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${action} with an @odata.nextLink outside the configured base URL ${this.options.client.baseUrl}; it is not followed`);
      }
      const at = next.indexOf('?');
      if (next.slice(0, at < 0 ? undefined : at) !== this.options.resourcePath) {
        throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${action} with an @odata.nextLink outside the collection ${this.options.resourcePath}; it is not followed`);
      }
      nextQuery = at < 0 ? '?' : next.slice(at);
    }
    return { entities: body.value.map((item) => entityFromUpstream(item, action)), nextLink: nextQuery };
  }
}
