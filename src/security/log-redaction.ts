/**
 * pino `redact` paths: the caller's credentials are censored wherever a log call puts a request,
 * its headers or a bare header value (one or two levels deep). Belt and braces: no code logs
 * headers today, and a test scans every log line for the tokens used.
 */
export const REDACTED_LOG_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.*.headers.authorization',
];

export const REDACTION_CENSOR = '[redacted]';
