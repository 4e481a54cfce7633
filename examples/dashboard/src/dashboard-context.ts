import type { Client, CombinedError } from '@urql/core';

/** What every view needs: the current client and the one way errors become sentences. */
export interface DashboardContext {
  client(): Client;
  explain(error: CombinedError): string;
}
