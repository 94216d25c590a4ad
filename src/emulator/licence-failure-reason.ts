/**
 * Finds the reason of a LocalStack licence failure (exit code 55) in the container's output. Three layouts exist:
 *
 * - 2026.03+ images: `Localstack returning with exit code 55. Reason:` ends empty, because `str(e)` of the exception
 *   is a whole multi-line banner; the reason sits below `The license activation failed for the following reason:`
 *   and a blank line, and runs until the next blank line (seen in CI logs pasted to microcks/microcks#2008,
 *   chaos-mesh/chaos-mesh#4873 and apache/pekko-connectors#1517).
 * - Older images: the `License activation failed! 🔑❌` banner with `Reason: <reason>` on one line.
 * - The wrapper's one-line form, `Localstack returning with exit code 55. Reason: <reason>`, for exceptions whose
 *   message is one line.
 *
 * Lines may arrive with Docker's 8-byte stream header left in, an RFC 3339 timestamp (`docker logs -t`, the runner's
 * own log) or a Compose `service  | ` prefix; those are removed before matching.
 */
export function licenceFailureReason(lines: readonly string[]): string | undefined {
  const clean = lines.map(stripLinePrefixes)
  return multiLineReason(clean) ?? wrapperReason(clean) ?? bannerReason(clean)
}

const WRAPPER = /Localstack returning with exit code 55\. Reason:[ \t]*(.*)$/i
const MULTI_LINE_HEADER = /The license activation failed for the following reason:\s*$/i
const BANNER = /License activation failed!/i
/** Where the 2026.03+ reason paragraph ends, should the blank line after it be missing. */
const PARAGRAPH_END = /^(?:={5,}|==>|LocalStack requires an account to run\.)/

function multiLineReason(lines: readonly string[]): string | undefined {
  const header = lines.findLastIndex((line) => MULTI_LINE_HEADER.test(line))
  if (header < 0) return undefined
  let index = header + 1
  while (index < lines.length && (lines[index] ?? '').trim() === '') index++
  const paragraph: string[] = []
  for (; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim()
    if (line === '' || PARAGRAPH_END.test(line)) break
    paragraph.push(line)
  }
  return paragraph.length === 0 ? undefined : paragraph.join(' ')
}

function wrapperReason(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const reason = WRAPPER.exec(line)?.[1]?.trim() ?? ''
    // An empty or banner-only remainder is the 2026.03+ layout whose reason follows below; it is not a reason.
    if (reason !== '' && !/^=+$/.test(reason) && !BANNER.test(reason)) return reason
  }
  return undefined
}

function bannerReason(lines: readonly string[]): string | undefined {
  const banner = lines.findIndex((line) => BANNER.test(line))
  if (banner < 0) return undefined
  for (const line of lines.slice(banner + 1)) {
    const reason = /^\s*Reason:\s*(.+)$/.exec(line)?.[1]?.trim()
    if (reason !== undefined && reason !== '') return reason
  }
  return undefined
}

/** Docker frame header bytes, then an RFC 3339 timestamp, then a Compose `name  | ` prefix, each optional. */
export function stripLinePrefixes(line: string): string {
  // Control characters are the point here: they are what a frame header left in a line looks like.
  // eslint-disable-next-line no-control-regex
  let text = line.replace(/^[\x00-\x02]\x00\x00\x00[\s\S]{4}/, '').replace(/^[\x00-\x08\x0e-\x1f]+/, '')
  text = text.replace(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})\s?/, '')
  text = text.replace(/^[\w.-]+\s+\|\s?/, '')
  return text.replace(/\r$/, '')
}
