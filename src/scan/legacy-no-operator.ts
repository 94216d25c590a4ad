import { findKubernetesEntry, findTerraformDefault } from './legacy-blocks.js'
import { findCommentedKey } from './legacy-comments.js'
import { findDefault } from './legacy-defaults.js'
import { findPassThrough } from './legacy-pass-through.js'
import { readExpressionValue } from './legacy-reference-values.js'
import { literalHit, migrationHit, nothingAt, type LegacySite, type Occurrence } from './legacy-site.js'
import { EXPRESSION } from './legacy-values.js'

type Finder = (site: LegacySite) => Occurrence | undefined

/** No operator after the name: the forms below, tried in order; the first that applies decides. */
const FINDERS: readonly Finder[] = [terraformDefault, passThrough, trailingDefault, kubernetesEntry, commentedKey, xmlElementValue]

/** A name with no operator after it: a pass-through, a default, or a value on another line. */
export function analyzeWithoutOperator(site: LegacySite): Occurrence {
  for (const find of FINDERS) {
    const occurrence = find(site)
    if (occurrence !== undefined) return occurrence
  }
  return nothingAt(site)
}

/** Terraform `variable "localstack_api_key" { default = "…" }`: a literal default is a leak. */
function terraformDefault(site: LegacySite): Occurrence | undefined {
  const found = findTerraformDefault(site.text, site)
  if (found === undefined || (!found.isQuoted && site.context.isCode)) return undefined
  return leakOnly(site, found)
}

/** `docker run -e NAME`, `ARG NAME`, `- NAME`, `"NAME",`: the variable passed on by name. */
function passThrough(site: LegacySite): Occurrence | undefined {
  if (site.isHeader) return undefined
  // A comment is prose too: `"NAME"` or `- NAME` there names the variable, it does not pass it on.
  const isProse = site.context.isProse === true || site.isComment
  const expression = findPassThrough({ before: site.before, name: site.name, after: site.after, isProse })
  return expression === undefined ? undefined : { hit: migrationHit(site, expression), consumedUntil: site.end }
}

/** A default after the bare name: `LOCALSTACK_API_KEY ?? "…"`, `{{ .Values.localstackApiKey | default "…" }}`. */
function trailingDefault(site: LegacySite): Occurrence | undefined {
  const found = findDefault(site.after, { isCallArgument: false, before: site.before })
  return found === undefined ? undefined : leakOnly(site, { value: found.value, offset: site.end + found.index })
}

/** Kubernetes `- name: NAME` then `value: …` or `valueFrom:` on the next line. */
function kubernetesEntry(site: LegacySite): Occurrence | undefined {
  const entry = findKubernetesEntry(site.text, site)
  if (entry === undefined) return undefined
  if (entry.type === 'valueFrom') return { hit: migrationHit(site, `valueFrom: ${site.name}`), consumedUntil: entry.end }
  const value = entry.value.value.trim()
  if (EXPRESSION.test(value)) return readExpressionValue(site, { text: value, offset: entry.value.offset, end: entry.value.end })
  return { hit: literalHit(site, entry.value), consumedUntil: site.end }
}

/** A key assigned next to a comment naming the variable (`const key = "…" // LOCALSTACK_API_KEY`). */
function commentedKey(site: LegacySite): Occurrence | undefined {
  if (!site.isComment || site.context.isProse === true) return undefined
  const found = findCommentedKey(site.text, { start: site.lineStart, nameEnd: site.end, end: site.lineEnd })
  return found === undefined ? undefined : leakOnly(site, found)
}

/** XML: `<localstackApiKey>…</localstackApiKey>`, `<localstack.api.key>…</…>` (Maven properties). */
function xmlElementValue(site: LegacySite): Occurrence | undefined {
  if (site.context.isProse === true || !site.before.endsWith('<')) return undefined
  const element = /^>([^<\n]{1,256})<\//.exec(site.after)
  if (element?.[1] === undefined) return undefined
  return leakOnly(site, { value: element[1], offset: site.end + 1 })
}

/** A literal found without an operator counts only as a key; anything else says nothing about the name. */
function leakOnly(site: LegacySite, literal: { value: string; offset: number }): Occurrence | undefined {
  const hit = literalHit(site, literal)
  return hit?.category === 'leak' ? { hit, consumedUntil: site.end } : undefined
}
