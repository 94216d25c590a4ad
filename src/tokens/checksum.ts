import { createHash } from 'node:crypto'

/** The checksum LocalStack expects for a payload: the first four characters of the lower-case hex md5. */
export function computeChecksum(payload: string): string {
  return createHash('md5').update(payload).digest('hex').slice(0, 4)
}

/** True when the body's last four characters are the checksum of its first 32 (case-sensitive, as LocalStack). */
export function hasValidChecksum(body: string): boolean {
  if (body.length !== 36) return false
  return computeChecksum(body.slice(0, 32)) === body.slice(32)
}
