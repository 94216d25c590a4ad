import AjvModule, { type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { loadGitHubSpec } from './spec.js'
import { normalize } from './validate-request.js'

// Both packages are CommonJS whose `module.exports` is the function and `.default` the same function.
const Ajv = AjvModule.default
const addFormats = addFormatsModule.default

let ajv: InstanceType<typeof Ajv> | undefined
const compiled = new Map<string, ValidateFunction>()

function validator(pointer: string): ValidateFunction {
  let found = compiled.get(pointer)
  if (!found) {
    if (!ajv) {
      ajv = new Ajv({ strict: false, allErrors: true, logger: false })
      addFormats(ajv)
      ajv.addSchema({ components: normalize(loadGitHubSpec().components, '') }, 'spec')
    }
    found = ajv.compile({ $ref: `spec#${pointer}` })
    compiled.set(pointer, found)
  }
  return found
}

/**
 * Checks a value against a schema of GitHub's description, e.g. `webhook-push` for a push payload or `issue` for a
 * REST response, to keep the fake's answers and payloads in GitHub's shape. Returns `path message` lines, none if valid.
 */
export function schemaProblems(componentName: string, value: unknown): string[] {
  const validate = validator(`/components/schemas/${componentName}`)
  if (validate(value)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`)
}
