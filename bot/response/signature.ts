import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header the bot signs its outbound requests with, and checks on callbacks. */
export const SIGNATURE_HEADER = 'x-localstack-guard-signature-256'

/** `sha256=` + the hex HMAC-SHA256 of the raw body: the scheme of GitHub's `X-Hub-Signature-256`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/** Compares in constant time, so the signature cannot be guessed byte by byte. */
export function isValidSignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false
  const expected = Buffer.from(signBody(secret, body))
  const given = Buffer.from(header)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
