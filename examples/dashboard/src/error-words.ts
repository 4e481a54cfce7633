import type { CombinedError } from '@urql/core';

/** The parts of a gateway error the dashboard explains (see the README's "Errors" section). */
interface GatewayErrorExtensions {
  code?: string;
  upstream?: { status?: number; retryAfterSeconds?: number };
}

/** Which input field a BAD_USER_INPUT message is about, e.g. `at "input.windows"` → windows. */
export function refusedInputField(message: string): string | undefined {
  return /at "input\.([A-Za-z0-9_]+)"/.exec(message)?.[1];
}

/** The scalar's own sentence from a variable coercion message ("...; BigInt cannot represent ..."). */
function scalarReason(message: string): string {
  const index = message.indexOf('; ');
  return index >= 0 ? message.slice(index + 2) : message;
}

function describeOne(message: string, extensions: GatewayErrorExtensions): string {
  switch (extensions.code) {
    case 'BAD_USER_INPUT': {
      const field = refusedInputField(message);
      return field ? `The value for ${field} was refused: ${scalarReason(message)}` : `The input was refused: ${message}`;
    }
    case 'THROTTLED': {
      const seconds = extensions.upstream?.retryAfterSeconds;
      return `Microsoft Graph is throttling requests${seconds !== undefined ? `: try again in ${seconds} s` : ': try again shortly'}.`;
    }
    case 'NOT_FOUND':
      return `Microsoft Graph has no such entity (it may have been removed): ${message}`;
    case 'UNAUTHENTICATED':
      return `The token was refused (${message}). Check the bearer token field.`;
    case 'PERSISTED_DOCUMENT_NOT_FOUND':
      return 'The gateway does not know this dashboard\'s operations: deploy its persisted-documents.json to the gateway, or open the page without ?persisted=on.';
    default:
      return extensions.code ? `${message} (${extensions.code})` : message;
  }
}

/** One or more plain sentences for what went wrong, for a person reading the page. */
export function describeGatewayError(error: CombinedError, gatewayUrl: string, pageOrigin: string): string {
  if (error.networkError) {
    return `Could not reach the gateway at ${gatewayUrl} (${error.networkError.message}). Is it running, and is this page's origin (${pageOrigin}) in its CORS_ORIGINS?`;
  }
  return error.graphQLErrors.map((e) => describeOne(e.message, (e.extensions ?? {}) as GatewayErrorExtensions)).join(' ');
}
