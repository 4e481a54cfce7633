import { randomUUID } from 'node:crypto';
import { REPORT_COLUMNS } from '../src/activation-counts/activation-counts.properties';
import type { EntityStore, StoredEntity } from './entity-store';
import type { EmulatorRequest, EmulatorResponse } from './emulator.types';
import { graphError, graphJson } from './graph-error';
import { reportCallerTag, tagRowForCaller } from './report-caller-tag';
import type { ReportAdmission } from './report-quota-gate';

export const REPORT_PATH = '/reports/getOffice365ActivationCounts';
function csvField(value: string | bigint | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as Graph's download serves it: UTF-8 BOM, documented header, quoted where needed. */
export function reportCsv(entities: StoredEntity[]): string {
  const lines = [REPORT_COLUMNS.map((c) => c.reportColumn).join(',')];
  for (const e of entities) lines.push(REPORT_COLUMNS.map((c) => csvField(e[c.name])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The report's rows: the store's entities, tagged with the caller when the report varies per caller. */
function rowsFor(request: EmulatorRequest, perCaller: boolean, store: EntityStore): StoredEntity[] {
  if (!perCaller) return store.list();
  const tag = reportCallerTag(request.headers.authorization);
  return store.list().map((entity) => tagRowForCaller(entity, tag));
}

/**
 * GET /reports/getOffice365ActivationCounts: beta with $format=application/json answers rows as
 * JSON; otherwise (v1.0) a 302 to a pre-authenticated CSV on the download origin.
 */
export function handleReportRequest(store: EntityStore, downloads: Map<string, string>, downloadOrigin: string, request: EmulatorRequest, admit?: ReportAdmission, perCaller = false): EmulatorResponse | undefined {
  if (request.path !== REPORT_PATH) return undefined;
  if (request.method !== 'GET') return graphError(405, 'MethodNotAllowed', 'Only GET is supported on this report.');
  const format = request.query.get('$format');
  if (format === 'application/json') {
    if (request.version !== 'beta') return graphError(400, 'BadRequest', "The $format 'application/json' is supported only on the beta endpoint.");
    const throttled = admit?.('json');
    if (throttled) return throttled;
    const value = rowsFor(request, perCaller, store).map((e) => Object.fromEntries(REPORT_COLUMNS.map((c) => [c.name, e[c.name] ?? null])));
    return graphJson(200, { value });
  }
  if (format !== null && format !== 'text/csv') return graphError(400, 'BadRequest', `Unsupported $format '${format}'.`);
  const throttled = admit?.('csv');
  if (throttled) return throttled;
  const token = randomUUID();
  downloads.set(token, reportCsv(rowsFor(request, perCaller, store)));
  return { status: 302, headers: { location: `${downloadOrigin}/reports/download/${token}.csv?sig=${randomUUID()}`, 'request-id': randomUUID() } };
}

/** The download origin: serves a prepared CSV once per link and, like blob storage, refuses bearer tokens. */
export function handleDownload(downloads: Map<string, string>, method: string, path: string, headers: Record<string, string | undefined>): EmulatorResponse {
  const match = /^\/reports\/download\/([0-9a-f-]+)\.csv$/.exec(path);
  if (method !== 'GET' || !match) return { status: 404, headers: { 'content-type': 'text/plain' }, rawBody: 'not found' };
  if (headers.authorization !== undefined) {
    return { status: 400, headers: { 'content-type': 'text/plain' }, rawBody: 'Authentication information is not given in the correct format: this link is pre-authenticated.' };
  }
  const csv = downloads.get(match[1]!);
  if (csv === undefined) return { status: 403, headers: { 'content-type': 'text/plain' }, rawBody: 'This download link has expired.' };
  return { status: 200, headers: { 'content-type': 'application/octet-stream' }, rawBody: csv };
}
