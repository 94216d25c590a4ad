import { lineBounds } from './line-bounds.js'
import { readValue } from './read-value.js'

/** How far a block after the name is read: within the scanner's look-ahead (2 KiB) with room to spare. */
const MAX_BLOCK_CHARS = 1024

/** A value found in the lines after the name, with its absolute offset (its first character, after any quote). */
export interface BlockValue {
  readonly value: string
  readonly isQuoted: boolean
  readonly offset: number
  /** Absolute offset just past what was read. */
  readonly end: number
}

/**
 * Terraform `variable "localstack_api_key" { … default = "…" … }`: the default of the variable's own block (not of a
 * nested `validation` block), on the same line or the lines after. Strings are skipped, so braces inside a
 * description do not end the block.
 */
export function findTerraformDefault(text: string, name: { end: number; before: string; after: string }): BlockValue | undefined {
  if (!/\bvariable[ \t]+\\?"$/.test(name.before) || !/^\\?"[ \t]*\{/.test(name.after)) return undefined
  const blockStart = name.end + name.after.indexOf('{') + 1
  const block = text.slice(blockStart, blockStart + MAX_BLOCK_CHARS)
  // JSON-escaped (a notebook): the block's strings are `\"…\"`, and bare quotes belong to the JSON around it.
  const isEscaped = name.before.endsWith('\\"')
  const at = topLevelDefault(isEscaped ? block.replace(/\\"|"/g, (quote) => (quote === '"' ? ' ' : ' "')) : block)
  if (at === undefined) return undefined
  return valueAt(block, { base: blockStart, at: isEscaped && block[at - 1] === '\\' ? at - 1 : at })
}

/** Where the value of the block's own `default =` starts, skipping strings and nested blocks. */
function topLevelDefault(block: string): number | undefined {
  let depth = 0
  for (let i = 0; i < block.length; i++) {
    const char = block[i]
    if (char === '"') i = skipString(block, i)
    else if (char === '{') depth++
    else if (char === '}' && depth-- === 0) return undefined
    else if (depth === 0 && char === 'd' && !/\w/.test(block[i - 1] ?? '')) {
      const operator = /^default[ \t]*=[ \t]*/.exec(block.slice(i, i + 32))
      if (operator !== null) return i + operator[0].length
    }
  }
  return undefined
}

function skipString(block: string, quoteIndex: number): number {
  for (let i = quoteIndex + 1; i < block.length; i++) {
    if (block[i] === '\\') i++
    else if (block[i] === '"' || block[i] === '\n') return i
  }
  return block.length
}

function valueAt(block: string, place: { base: number; at: number }): BlockValue {
  const lineEnd = block.indexOf('\n', place.at)
  const read = readValue(block.slice(place.at, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, ''))
  const quoteLength = (read.length - read.value.length) / 2
  const offset = place.base + place.at + quoteLength
  return { value: read.value, isQuoted: read.isQuoted, offset, end: place.base + place.at + read.length }
}

/** What a Kubernetes `env:` entry gives the variable on the line after `- name: NAME`. */
export type KubernetesEntry = { readonly type: 'value'; readonly value: BlockValue } | { readonly type: 'valueFrom'; readonly end: number }

/** Kubernetes `- name: LOCALSTACK_API_KEY` followed by `value: …` (a literal) or `valueFrom:` (a reference). */
export function findKubernetesEntry(text: string, name: { before: string; lineEnd: number }): KubernetesEntry | undefined {
  if (!/(?:^|[\s-])name:\s*["']?$/.test(name.before)) return undefined
  const newline = text[name.lineEnd] === '\r' ? name.lineEnd + 1 : name.lineEnd
  if (text[newline] !== '\n') return undefined
  const nextStart = newline + 1
  const nextLine = text.slice(nextStart, lineBounds(text, nextStart, { before: 0, after: 512 }).end).replace(/\r$/, '')
  const entry = /^\s*(value|valueFrom):[ \t]*/.exec(nextLine)
  if (entry === null) return undefined
  if (entry[1] === 'valueFrom') return { type: 'valueFrom', end: nextStart }
  return { type: 'value', value: valueAt(nextLine, { base: nextStart, at: entry[0].length }) }
}
