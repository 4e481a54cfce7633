/** Longest part of an upstream value an error message quotes. */
export const MAX_EXCERPT_CHARS = 40;

/**
 * A short, printable quote of something the upstream sent, for error messages: at most 40
 * characters, control and bidi characters replaced by "�" (nothing can forge a log line or reorder
 * the message), JSON-quoted, and "…(N chars)" when cut. A 12 MB number once came back whole.
 */
export function upstreamExcerpt(text: string, maxChars: number = MAX_EXCERPT_CHARS): string {
  const cut = text.length > maxChars;
  const shown = JSON.stringify(sanitised(cut ? text.slice(0, maxChars) : text));
  return cut ? `${shown}…(${text.length} chars)` : shown;
}

/** The same cut without quotes, for messages that are already prose (a parser's reason). */
export function truncatedText(text: string, maxChars: number): string {
  return text.length > maxChars ? `${sanitised(text.slice(0, maxChars))}…(${text.length} chars)` : sanitised(text);
}

function sanitised(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g, '\ufffd');
}
