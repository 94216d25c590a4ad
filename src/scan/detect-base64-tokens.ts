import { MIN_TOKEN_LENGTH } from '../tokens/token-grammar.js'
import { authTokenHit, findAuthTokens } from './detect-auth-tokens.js'
import type { Detector, RawHit, WindowDetector } from './raw-hit.js'

/**
 * One level of base64, as in Kubernetes Secret `data:` values (docs/facts.md §1.6).
 *
 * Rather than decoding every base64-looking run (lock files are full of them), look for the encodings of `ls` +
 * (`-` or a letter), one per byte alignment in a 3-byte group:
 * - offset 0: `bH[MN]` (`ls-` encodes to `bHMt`, `lsci-` to `bHNjaS`), the group starts at the match. This is a
 *   value that is the token itself (a Secret's `data:` entry), and is looked for in every file;
 * - offset 1: `[GWm2]xz`, the group starts one character before;
 * - offset 2: `sc[y0-3]`, the group starts three characters before. These two find a token inside an encoded blob
 *   (a whole `.env` file stored as one Secret value), and are looked for in data files only (YAML, JSON, env): the
 *   three-way pattern costs a third of the scanner's time on source code, where such blobs do not live.
 */
const UNALIGNED_PREFIX = /[GWm2]xz|sc[y0-3]/g
const GROUP_START_BY_FIRST_CHAR: Readonly<Record<string, { back: number; skipBytes: number }>> = {
  b: { back: 0, skipBytes: 0 },
  G: { back: 1, skipBytes: 1 },
  W: { back: 1, skipBytes: 1 },
  m: { back: 1, skipBytes: 1 },
  '2': { back: 1, skipBytes: 1 },
  s: { back: 3, skipBytes: 2 },
}
function isBase64Char(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47
}
/** Encoded length of the shortest token plus the longest prefix: enough characters to decode one token. */
const MAX_ENCODED_CHARS = 96
const MIN_ENCODED_CHARS = Math.floor((MIN_TOKEN_LENGTH * 4) / 3)
/** The start of a decoded token: `ls`, prefix letters, then the dash or more letters up to the end of the head. */
const PLAUSIBLE_HEAD = /^ls[a-zA-Z]*(?:-[a-zA-Z0-9-]*)?$/

/** Offset 0, in the shared keyword pass of every file. */
export const detectBase64Tokens: Detector = {
  name: 'base64-auth-token',
  keyword: 'bH[MN]',
  owns: (match) => match.startsWith('bH'),
  confirm({ text, index, match }) {
    const hit = decodeAt(text, index, match)
    return hit === undefined ? {} : { hit }
  },
}

/** Offsets 1 and 2, in a pass of their own over data files only. */
export const detectUnalignedBase64Tokens: WindowDetector = {
  name: 'base64-auth-token-unaligned',
  appliesTo: (context) => context.isDataFile,
  detect(text, { from, to }) {
    const hits: RawHit[] = []
    UNALIGNED_PREFIX.lastIndex = from
    for (let match = UNALIGNED_PREFIX.exec(text); match !== null && match.index < to; match = UNALIGNED_PREFIX.exec(text)) {
      const hit = decodeAt(text, match.index, match[0])
      if (hit !== undefined) hits.push(hit)
    }
    return hits
  },
}

function decodeAt(text: string, matchIndex: number, matched: string): RawHit | undefined {
  const alignment = GROUP_START_BY_FIRST_CHAR[matched[0] ?? '']
  if (alignment === undefined) return undefined
  const start = matchIndex - alignment.back
  if (start < 0 || !isBase64Run(text, start, matchIndex)) return undefined
  let end = matchIndex
  while (end < text.length && end - start < MAX_ENCODED_CHARS && isBase64Char(text.charCodeAt(end))) end++
  if (end - matchIndex < MIN_ENCODED_CHARS) return undefined
  // Most candidates die on their first bytes: decode 16 characters before decoding the whole run.
  const head = Buffer.from(text.slice(start, start + 16), 'base64').toString('latin1').slice(alignment.skipBytes)
  if (!PLAUSIBLE_HEAD.test(head)) return undefined
  // Node decodes a trailing partial group without its `=` padding, so the token's last bytes are kept.
  const decoded = Buffer.from(text.slice(start, end), 'base64').toString('latin1').slice(alignment.skipBytes)
  const [found] = findAuthTokens(decoded, 0, 1)
  return found === undefined ? undefined : authTokenHit(start, found.token)
}

function isBase64Run(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBase64Char(text.charCodeAt(i))) return false
  return true
}
