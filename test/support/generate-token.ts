import { randomInt } from 'node:crypto'
import { isLegacyPlaceholder } from '../../src/scan/placeholders.js'
import { computeChecksum } from '../../src/tokens/checksum.js'

/**
 * Generates checksum-valid fake Auth Tokens at test time, so no token-shaped literal is ever committed (docs/style.md §7).
 * The groups follow the observed shape (docs/facts.md §1.3): four digits, or consonant-vowel pairs in random case.
 */
const CONSONANTS = 'bcdfghjklmnprstvwxyz'
const VOWELS = 'aeiou'

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)] ?? 'x'
}

function randomCase(letter: string): string {
  return randomInt(2) === 0 ? letter : letter.toUpperCase()
}

function syllableGroup(): string {
  return [pick(CONSONANTS), pick(VOWELS), pick(CONSONANTS), pick(VOWELS)].map(randomCase).join('')
}

function digitGroup(): string {
  return String(randomInt(10_000)).padStart(4, '0')
}

function dataGroup(): string {
  return randomInt(3) === 0 ? digitGroup() : syllableGroup()
}

/** A 32-character payload: `XXXXxxxx-xxxx-xxxx-xxxx-xxxxxxxx` with a letter group first, as the grammar requires. */
export function generatePayload(): string {
  const groups = [syllableGroup(), ...Array.from({ length: 6 }, dataGroup)]
  return `${groups[0]}${groups[1]}-${groups[2]}-${groups[3]}-${groups[4]}-${groups[5]}${groups[6]}`
}

/** A checksum-valid token with the given prefix (`ls-` developer, `lsci-` CI, or any `ls<letters>-`). */
export function generateToken(prefix = 'lsci-'): string {
  const payload = generatePayload()
  return `${prefix}${payload}${computeChecksum(payload)}`
}

/** The same shape with a deliberately wrong checksum: a mistyped or truncated token. */
export function generateMalformedToken(prefix = 'lsci-'): string {
  const payload = generatePayload()
  const good = computeChecksum(payload)
  const bad = [...good].map((c) => (c === '0' ? '1' : '0')).join('')
  return `${prefix}${payload}${bad}`
}

/**
 * A 10-character legacy API key (docs/facts.md §1.4: no format; logs show length 10). Drawn again when it has a
 * placeholder's shape (a capitalised word such as `Lksvmajryd`, or a stand-in word such as `your` inside): the scanner
 * takes those for stand-ins by design, at a documented cost of about one random key in 3,500
 * (src/scan/placeholders.ts), and a test of some other rule must not fail by that chance.
 */
export function generateLegacyKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  for (;;) {
    const key = Array.from({ length: 10 }, () => pick(alphabet)).join('')
    if (!isLegacyPlaceholder(key)) return key
  }
}
