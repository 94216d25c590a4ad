/**
 * Forms that pass the legacy variable on by name, with no value: migration findings. Each is tried only when no
 * operator follows the name (`-e NAME=value` is a value, read elsewhere).
 */
interface PassThroughForm {
  readonly before: RegExp
  readonly after: RegExp
  /** Code shapes that prose also has (a bullet `- NAME`, a quoted word) are not read in documentation or comments. */
  readonly isCodeOnly: boolean
  /** The quote before the name must be the quote after it. */
  readonly isQuotedName?: boolean
  /** Show only the name, not the punctuation around it (`[A, NAME]` shows `NAME`). */
  readonly showsNameOnly?: boolean
}

const FORMS: readonly PassThroughForm[] = [
  // `docker run -e NAME`, `--env NAME`, `docker build --build-arg NAME`, `podman run --env=NAME`.
  { before: /(?:^|[\s"'])(?:-e|--env|--build-arg)(?:[ \t]+|=)["']?$/, after: /^["']?(?=\s|\\|$)/, isCodeOnly: false },
  // Dockerfile `ARG NAME` (a build argument without a default).
  { before: /^\s*ARG[ \t]+$/, after: /^(?=\s|$)/, isCodeOnly: false },
  // A Compose `environment:` list entry `- NAME`, the value taken from the shell.
  { before: /^\s*-[ \t]+["']?$/, after: /^["']?(?=\s*(?:#.*)?$)/, isCodeOnly: true },
  // A string that is the name: a list of variables to forward (`"NAME",`), `"NAME" in os.environ`, a constant.
  // Backticks are left out: in comments and docs they mark a name in prose.
  { before: /\\?["']$/, after: /^\\?["']/, isCodeOnly: true, isQuotedName: true },
  // A flow list `[A, NAME, B]`.
  { before: /[[,][ \t]*$/, after: /^[ \t]*[\],]/, isCodeOnly: true, showsNameOnly: true },
]

/** The pass-through expression around the name (`-e LOCALSTACK_API_KEY`, `"LOCALSTACK_API_KEY"`), or `undefined`. */
export function findPassThrough(site: { before: string; name: string; after: string; isProse: boolean }): string | undefined {
  const { name, after } = site
  const tail = site.before.slice(-64)
  for (const form of FORMS) {
    if (form.isCodeOnly && site.isProse) continue
    const opening = form.before.exec(tail)
    if (opening === null) continue
    const closing = form.after.exec(after)
    if (closing === null) continue
    if (form.isQuotedName === true && opening[0].slice(-1) !== closing[0].slice(-1)) continue
    return form.showsNameOnly === true ? name : `${opening[0].trimStart()}${name}${closing[0].trimEnd()}`
  }
  return undefined
}
