/** What the page is told through its address: which gateway, whether to send document ids, the list's page size. */
export interface DashboardOptions {
  /** Gateway base URL (without /graphql). `?gateway=`; default http://127.0.0.1:4000, the gateway's own default. */
  gatewayUrl: string;
  /**
   * Send persisted document ids (sha256 of the operation, from the codegen manifest) instead of the
   * operation text. Default on: the gateway must have the manifest deployed (TRUSTED_DOCUMENTS, as
   * `npm run dashboard` does); `?persisted=off` sends the text to a gateway without it.
   */
  persisted: boolean;
  /** Entities per page of the list (`first`). `?pageSize=`; default 3. */
  pageSize: number;
}

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000';
const DEFAULT_PAGE_SIZE = 3;

export function readDashboardOptions(search: string): DashboardOptions {
  const params = new URLSearchParams(search);
  const pageSize = Number(params.get('pageSize'));
  return {
    gatewayUrl: (params.get('gateway') || DEFAULT_GATEWAY_URL).replace(/\/+$/, ''),
    persisted: !['off', 'false', '0'].includes((params.get('persisted') ?? '').toLowerCase()),
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 999 ? pageSize : DEFAULT_PAGE_SIZE,
  };
}
