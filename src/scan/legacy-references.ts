/**
 * How a reference to the legacy variable looks, by the text just before the name (FACTS.md §1.5): each pattern is
 * anchored at the end of the text before the name, and `close` reads the rest of the reference after it.
 */
interface ReferenceForm {
  readonly before: RegExp
  /** Matches, at the start of the text after the name, the reference's closing part. */
  readonly close: RegExp
  /** When the reference is itself assigned to (`$env:NAME = …`, `os.environ["NAME"] = …`), it is an assignment. */
  readonly canBeAssigned: boolean
}

const FORMS: readonly ReferenceForm[] = [
  { before: /\$\{\{\s*(?:secrets|env|vars|inputs)\.$/i, close: /^\s*\}\}/, canBeAssigned: false },
  { before: /\$\{$/, close: /^[^}\n]{0,40}\}/, canBeAssigned: false },
  { before: /\$\($/, close: /^\)/, canBeAssigned: false },
  { before: /\$$/, close: /^/, canBeAssigned: false },
  { before: /%$/, close: /^%/, canBeAssigned: false },
  { before: /\$env:$/i, close: /^/, canBeAssigned: true },
  { before: /\bprocess\.env\.$/, close: /^/, canBeAssigned: true },
  { before: /\b(?:secrets|env|vars|inputs)\.$/i, close: /^/, canBeAssigned: false },
  {
    before: /(?:environ\[|environ\.get\(|getenv\(|process\.env\[|ENV\[|ENV\.fetch\(|GetEnvironmentVariable\(|os\.Getenv\()\s*\\?["']$/,
    close: /^\\?["']\s*[\])]?/,
    canBeAssigned: true,
  },
]

/** A reference found around a name: the whole expression, and whether an assignment operator follows it. */
export interface Reference {
  readonly expression: string
  /** Offset, relative to the end of the name, where the reference ends. */
  readonly endAfterName: number
  readonly isAssigned: boolean
}

/** Recognises `before + name + after` as a reference to `name`, or returns `undefined`. */
export function findReference(before: string, name: string, after: string): Reference | undefined {
  for (const form of FORMS) {
    const opening = form.before.exec(before)
    if (opening === null) continue
    const closing = form.close.exec(after)
    if (closing === null) continue
    const endAfterName = closing[0].length
    const isAssigned = form.canBeAssigned && /^\s*=(?!=)/.test(after.slice(endAfterName))
    return { expression: `${opening[0].trimStart()}${name}${closing[0]}`, endAfterName, isAssigned }
  }
  return undefined
}
