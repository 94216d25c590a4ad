import { verify, type KeyObject } from 'node:crypto'

interface JwtClaims {
  iss?: unknown
  iat?: unknown
  exp?: unknown
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/**
 * Checks an app JWT as GitHub does: RS256, signed by the app's key, `iss` = the app id, and an expiry at most ten
 * minutes after issue. Returns why it is refused, or `undefined` when accepted. Expiry is checked against the wall clock
 * (`Date.now()`), not the fake's clock: Octokit signs with the wall clock, and tests move the fake's clock freely.
 */
export function verifyAppJwt(jwt: string, expected: { appId: number; publicKey: KeyObject | undefined }): string | undefined {
  const parts = jwt.split('.')
  if (parts.length !== 3) return 'A JSON web token could not be decoded'
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]
  const header = decodePart(headerPart)
  const claims = decodePart(payloadPart) as JwtClaims | undefined
  if (!header || !claims) return 'A JSON web token could not be decoded'
  if (header['alg'] !== 'RS256') return `'alg' must be RS256, got ${String(header['alg'])}`
  if (String(claims.iss) !== String(expected.appId)) return `'Issuer' claim ('iss') must be the app id ${expected.appId}`
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return "'iat' and 'exp' claims are required"
  if (claims.exp - claims.iat > 600 + 60) return "'Expiration time' claim ('exp') is too far in the future"
  if (claims.exp * 1000 < Date.now()) return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"
  if (expected.publicKey) {
    const signed = Buffer.from(`${headerPart}.${payloadPart}`)
    if (!verify('RSA-SHA256', signed, expected.publicKey, Buffer.from(signaturePart, 'base64url'))) {
      return 'A JSON web token could not be decoded'
    }
  }
  return undefined
}
