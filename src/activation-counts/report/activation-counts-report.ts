import { LOOPBACK_HOSTS } from '../../config';
import { errorFromUpstream, ErrorCode, gatewayError } from '../../errors';
import type { GraphClient, UpstreamResponse } from '../../msgraph/client';
import { refusedDownloadTarget } from './download-target';
import { parseReportCsv } from './report-csv';
import { reportRowFrom } from './report-row.mapper';
import type { Office365ActivationCountsReportRow } from './report-row.type';

export const REPORT_PATH = '/reports/getOffice365ActivationCounts';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACTION = 'read the activation counts report';

function isJsonAnswer(answer: UpstreamResponse): boolean {
  return answer.body !== undefined && (answer.headers['content-type'] ?? '').includes('json');
}

function rowsFromJson(body: unknown): Office365ActivationCountsReportRow[] {
  const value = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${ACTION} with JSON that has no "value" array`);
  return value.map((item, i) => {
    if (typeof item !== 'object' || item === null) throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream report JSON row ${i + 1} is not an object`);
    return reportRowFrom(item as Record<string, unknown>, `JSON row ${i + 1}`);
  });
}

/**
 * GET {base}/reports/getOffice365ActivationCounts in both real shapes: beta with
 * `$format=application/json` answers rows as JSON; v1.0 answers 302 to a pre-authenticated CSV on
 * another host, which is fetched WITHOUT the caller's token. A 200 CSV answer is accepted too.
 */
export class ActivationCountsReport {
  constructor(private readonly client: GraphClient) {}

  async rows(): Promise<Office365ActivationCountsReportRow[]> {
    // v1.0 refuses $format=application/json; only beta offers the JSON shape.
    const beta = /\/beta$/.test(this.client.baseUrl);
    const path = beta ? `${REPORT_PATH}?$format=application/json` : REPORT_PATH;
    const answer = await this.client.send({ method: 'GET', path, action: ACTION });
    if (answer.status === 200) return isJsonAnswer(answer) ? rowsFromJson(answer.body) : parseReportCsv(answer.text);
    if (REDIRECT_STATUSES.has(answer.status)) return this.download(answer, `${this.client.baseUrl}${path}`);
    throw errorFromUpstream(answer, ACTION);
  }

  private async download(redirect: UpstreamResponse, requestedUrl: string): Promise<Office365ActivationCountsReportRow[]> {
    const location = redirect.headers.location;
    let url: URL | undefined;
    try {
      url = location ? new URL(location, requestedUrl) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${ACTION} with ${redirect.status} but no usable Location (got ${JSON.stringify(location ?? null)}; expected an http(s) URL)`);
    }
    const refused = await refusedDownloadTarget(url, LOOPBACK_HOSTS.has(new URL(this.client.baseUrl).hostname));
    if (refused) {
      throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${ACTION} with ${redirect.status} to ${url.origin}, which is not fetched: ${refused}; expected the report's download host`, { status: redirect.status });
    }
    const answer = await this.client.fetchWithoutCredentials(url.toString(), 'download the activation counts report');
    if (answer.status !== 200) {
      throw gatewayError(ErrorCode.UPSTREAM_ERROR, `The report download answered HTTP ${answer.status}; expected 200 with the CSV`, { status: answer.status });
    }
    return parseReportCsv(answer.text);
  }
}
