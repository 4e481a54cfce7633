/**
 * Checks the one form of a 503 GATEWAY_BUSY (src/http/shed-when-busy.ts `answerBusy`): status,
 * `Retry-After: 1`, the code and a request id. Answers the message, whose wording each refusal
 * asserts on its own.
 */
export async function busyMessageOf(response: Response): Promise<string> {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('1');
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string; requestId: unknown } }[] };
  expect(body.errors[0]!.extensions.code).toBe('GATEWAY_BUSY');
  expect(typeof body.errors[0]!.extensions.requestId).toBe('string');
  return body.errors[0]!.message;
}
