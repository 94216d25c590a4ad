import { classifyToken } from '../tokens/classify-token.js'
import { fingerprintToken } from '../tokens/fingerprint.js'

/**
 * A new token must be a well-formed CI Auth Token, and not the leaked one: a developer token is personal and cannot
 * be used in CI, and writing the leaked token back would leave the incident where it was. Returns why not, or
 * undefined when it may be written. Never names the token.
 */
export function refuseNewToken(newToken: string, leakedFingerprint: string): string | undefined {
  const classification = classifyToken(newToken)
  if (classification.kind === 'developer-token') return 'the rotation service returned a personal Developer Auth Token (ls-…); CI needs a CI Auth Token (lsci-…)'
  if (classification.kind !== 'ci-token' || !classification.isValid) return `the rotation service returned a value that is not a well-formed CI Auth Token (it reads as ${classification.kind})`
  if (fingerprintToken(newToken) === leakedFingerprint) return 'the rotation service returned the leaked token itself'
  return undefined
}
