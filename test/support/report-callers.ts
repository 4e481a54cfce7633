import { fakeJwt } from './fake-jwt';

/** A JWT-shaped bearer header of `tid` for user `oid`, valid for an hour of real time. */
export function tenantToken(tid: string, oid: string): string {
  return `Bearer ${fakeJwt({ tid, oid, appid: 'dashboard', exp: Math.floor(Date.now() / 1000) + 3600 })}`;
}

/** Whose copy a report answer is: the emulator (reportPerCaller) tags every row with the fetching token's oid. */
export function fetchedFor(body: { data?: { office365ActivationCountsReport?: { productType: string }[] } | null }): string[] {
  return [...new Set((body.data?.office365ActivationCountsReport ?? []).map((row) => /\[oid:([^\]]+)\]$/.exec(row.productType)?.[1] ?? '?'))];
}
