import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import AjvDraft04 from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'

/**
 * The official SARIF 2.1.0 JSON schema (2.1.0-rtm.5, the final release of the 2.1.0 schema, JSON Schema draft-04),
 * as shipped in the npm package @microsoft/jest-sarif (see test/fixtures/README.md).
 */
const SCHEMA_PATH = fileURLToPath(new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url))

// Both packages are CommonJS whose `module.exports` is the function and `.default` the same function.
const Ajv = AjvDraft04.default
const addFormats = addFormatsModule.default

let validate: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined

/** Validates a parsed SARIF log against the schema; returns one `path: message` line per problem (none when valid). */
export function validateSarif(log: unknown): string[] {
  if (validate === undefined) {
    // The schema's `language` pattern ends in a stray `]?`, legal in a plain RegExp but not with the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
    addFormats(ajv)
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)
  }
  if (validate(log)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`)
}
