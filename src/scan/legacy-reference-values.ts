import { readExpression } from './expression-literals.js'
import { findDefault } from './legacy-defaults.js'
import type { Reference } from './legacy-references.js'
import { literalHit, migrationHit, nothingAt, type LegacySite, type Occurrence } from './legacy-site.js'
import type { RawHit } from './raw-hit.js'

/**
 * A reference to the legacy variable. Its default is the value the program runs with when the variable is unset, so
 * a literal default is the key itself: `${LOCALSTACK_API_KEY:-…}`, `os.getenv("LOCALSTACK_API_KEY", "…")`,
 * `process.env.LOCALSTACK_API_KEY ?? "…"`. Otherwise the reference is a migration finding, shown with every value
 * in it redacted.
 */
export function readLegacyReference(site: LegacySite, reference: Reference): Occurrence {
  const expressionStart = site.start - reference.openingLength
  const referenceEnd = site.end + reference.endAfterName
  const expression = readExpression(reference.expression, { hasQuotedValues: false })
  for (const literal of expression.literals) {
    if (!literal.isFallback) continue
    const hit = leakOnly(literalHit(site, { value: literal.value, offset: expressionStart + literal.index }))
    if (hit !== undefined) return { hit, consumedUntil: referenceEnd }
  }
  const rest = site.after.slice(reference.endAfterName)
  const before = site.before.slice(0, site.before.length - reference.openingLength)
  const fallback = findDefault(rest, { isCallArgument: reference.isCallArgument, before })
  if (fallback !== undefined) {
    const hit = leakOnly(literalHit(site, { value: fallback.value, offset: referenceEnd + fallback.index }))
    if (hit !== undefined) return { hit, consumedUntil: referenceEnd + fallback.end }
  }
  if (site.isHeader) return nothingAt(site)
  // `os.environ.get("NAME", "")`: the call goes on; its other arguments are values, so they are not shown.
  const shown = reference.isCallArgument && /^\s*,/.test(rest) ? `${expression.redacted}, …)` : expression.redacted
  return { hit: migrationHit(site, shown), consumedUntil: referenceEnd }
}

/**
 * A value that is itself an expression (`NAME=${OTHER:-…}`, `NAME: ${{ secrets.X || '…' }}`): a literal fallback in it
 * is the key; otherwise the assignment is a migration finding, with every value in it redacted. The `ls-api-key`
 * header is given Auth Tokens too (`ls-api-key: ${LOCALSTACK_AUTH_TOKEN}`), so only a literal key counts there.
 */
export function readExpressionValue(site: LegacySite, value: { text: string; offset: number; end: number }): Occurrence {
  const expression = readExpression(value.text, { hasQuotedValues: true })
  for (const literal of expression.literals) {
    if (!literal.isFallback) continue
    const hit = leakOnly(literalHit(site, { value: literal.value, offset: value.offset + literal.index }))
    if (hit !== undefined) return { hit, consumedUntil: value.end }
  }
  if (site.isHeader) return nothingAt(site)
  return { hit: migrationHit(site, `${site.name}=${expression.redacted}`), consumedUntil: value.end }
}

/** A default that is an Auth Token or a placeholder does not replace the reference's own migration finding. */
function leakOnly(hit: RawHit | undefined): RawHit | undefined {
  return hit?.category === 'leak' ? hit : undefined
}
