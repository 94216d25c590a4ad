/**
 * How a reference to the legacy variable looks, by the text just before the name (docs/facts.md §1.5): each pattern is
 * anchored at the end of the text before the name, and `close` measures the rest of the reference after it.
 */
interface ReferenceForm {
  readonly before: RegExp
  /** The length of the reference's closing part at the start of the text after the name, or -1 when it does not close. */
  readonly close: (after: string) => number
  /** When the reference is itself assigned to (`$env:NAME = …`, `os.environ["NAME"] = …`), it is an assignment. */
  readonly canBeAssigned: boolean
  /** A quoted name passed to a call (`getenv("NAME", "default")`): the call's next argument may be the value. */
  readonly isCallArgument?: boolean
  /** A cheap test that must pass before `before` is tried: keeps a run of word characters from costing a scan each. */
  readonly precheck?: RegExp
}

/** Openings are short; reading only the end of the line before the name bounds the cost of each pattern. */
const MAX_OPENING_CHARS = 96

const MAX_CLOSE_CHARS = 256

function closeWith(pattern: RegExp): (after: string) => number {
  return (after) => pattern.exec(after)?.[0].length ?? -1
}

/** `${NAME}`, `${NAME:-default}`, `${NAME:-${OTHER:-x}}`: up to the brace that closes the one before the name. */
function closeBrace(after: string): number {
  let depth = 0
  for (let i = 0; i < Math.min(after.length, MAX_CLOSE_CHARS); i++) {
    const char = after[i]
    if (char === '{') depth++
    else if (char === '}') {
      if (depth === 0) return i + 1
      depth--
    }
  }
  return -1
}

const QUOTED_NAME_CLOSE = closeWith(/^\\?["'`]\s*[\])]?/)

const FORMS: readonly ReferenceForm[] = [
  { before: /\$\{\{\s*(?:secrets|env|vars|inputs)\.$/i, close: closeWith(/^\s*\}\}/), canBeAssigned: false },
  // Shell, Compose and Spring parameters; dev containers' `${localEnv:NAME}`.
  { before: /\$\{(?:(?:localEnv|containerEnv|env):)?$/, close: closeBrace, canBeAssigned: false },
  { before: /\$\($/, close: closeWith(/^\)/), canBeAssigned: false },
  { before: /\$ENV\{\s*["']?$/, close: closeWith(/^["']?\s*\}/), canBeAssigned: true },
  // `$NAME` reads the variable in a shell; `$NAME = "…"` assigns it in PHP and Perl.
  { before: /\$$/, close: closeWith(/^/), canBeAssigned: true },
  { before: /%$/, close: closeWith(/^%/), canBeAssigned: false },
  { before: /\$env:$/i, close: closeWith(/^/), canBeAssigned: true },
  { before: /\bprocess\.env\.$/, close: closeWith(/^/), canBeAssigned: true },
  { before: /\b(?:secrets|env|vars|inputs)\.$/i, close: closeWith(/^/), canBeAssigned: false },
  {
    before: /(?:environ|\bENV|\benv|process\.env|\$_ENV|\$_SERVER|environment|Environment)\[\s*\\?["']$/,
    close: QUOTED_NAME_CLOSE,
    canBeAssigned: true,
  },
  // Any call with the quoted name first: getenv, os.Getenv, environ.get, ENV.fetch, System.getenv, env::var,
  // GetEnvironmentVariable, System.get_env, and setters (setenv, monkeypatch.setenv) whose next argument is a value.
  {
    before: /(?:[A-Za-z_$][\w$]*(?:\.|::|->))?[A-Za-z_$][\w$]*!?\s*\(\s*\\?["'`]$/,
    precheck: /\(\s*\\?["'`]$/,
    close: QUOTED_NAME_CLOSE,
    canBeAssigned: false,
    isCallArgument: true,
  },
  // An environment reader given a constant that names the variable: `System.getenv(Constants.ENV_LOCALSTACK_API_KEY)`.
  {
    before: /(?:getenv|Getenv|GetEnvironmentVariable|get_env|env::var|environ\.get)\(\s*[\w.]*$/,
    precheck: /\([\w.\s]*$/,
    close: closeWith(/^\s*\)/),
    canBeAssigned: false,
  },
]

/** A reference found around a name: the whole expression, and whether an assignment operator follows it. */
export interface Reference {
  readonly expression: string
  /** Characters of the expression before the name. */
  readonly openingLength: number
  /** Offset, relative to the end of the name, where the reference ends. */
  readonly endAfterName: number
  readonly isAssigned: boolean
  readonly isCallArgument: boolean
}

/** Recognises `before + name + after` as a reference to `name`, or returns `undefined`. */
export function findReference(before: string, name: string, after: string): Reference | undefined {
  const tail = before.slice(-MAX_OPENING_CHARS)
  for (const form of FORMS) {
    if (form.precheck !== undefined && !form.precheck.test(tail)) continue
    const opening = form.before.exec(tail)
    if (opening === null) continue
    const endAfterName = form.close(after)
    if (endAfterName < 0) continue
    const isAssigned = form.canBeAssigned && /^\s*=(?![=~])/.test(after.slice(endAfterName))
    const openingText = opening[0].trimStart()
    return {
      expression: `${openingText}${name}${after.slice(0, endAfterName)}`,
      openingLength: openingText.length,
      endAfterName,
      isAssigned,
      isCallArgument: form.isCallArgument === true && !/[)\]]\s*$/.test(after.slice(0, endAfterName)),
    }
  }
  return undefined
}
