import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { MatchedOperation } from './match-operation.js'
import { loadGitHubSpec, operationParameters } from './spec.js'

// Both packages are CommonJS whose `module.exports` is the function and `.default` the same function.
const Ajv = AjvModule.default
const addFormats = addFormatsModule.default

const SPEC_ID = 'github-openapi'

/** One way a request departs from GitHub's published description. */
export interface RequestProblem {
  where: 'path' | 'query' | 'body'
  message: string
}

interface OperationValidators {
  query: ValidateFunction
  knownQuery: Set<string>
  body: ValidateFunction | undefined
  bodyRequired: boolean
}

let ajvInstances: { body: InstanceType<typeof Ajv>; query: InstanceType<typeof Ajv> } | undefined
const validators = new Map<string, OperationValidators>()

function createAjv(coerceTypes: boolean): InstanceType<typeof Ajv> {
  // strict: false tolerates the description's extra keywords (`example`, `x-github`, `discriminator` without
  // mapping); ajv understands the OpenAPI 3.0 `nullable` keyword natively.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, coerceTypes })
  addFormats(ajv)
  const spec = loadGitHubSpec()
  ajv.addSchema({ components: normalize(spec.components, '') }, SPEC_ID)
  return ajv
}

function instances(): { body: InstanceType<typeof Ajv>; query: InstanceType<typeof Ajv> } {
  ajvInstances ??= { body: createAjv(false), query: createAjv(true) }
  return ajvInstances
}

/**
 * Adapts a schema of the description for ajv: local `#/components/...` references get `refBase` (the id the
 * components are registered under), and `nullable` without `type` (legal in OpenAPI 3.0, refused by ajv; the issue
 * body's `milestone` has one) becomes `anyOf [..., null]`; a nullable `enum` also admits null.
 */
export function normalize(schema: unknown, refBase: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => normalize(item, refBase))
  if (schema === null || typeof schema !== 'object') return schema
  const entries = Object.entries(schema).map(([key, value]) => [
    key,
    key === '$ref' && typeof value === 'string' ? `${refBase}${value}` : normalize(value, refBase),
  ])
  const result = Object.fromEntries(entries) as Record<string, unknown>
  // ajv lets `nullable` widen `type` but not `enum`; the description means null is allowed either way.
  if (result['nullable'] === true && Array.isArray(result['enum']) && !result['enum'].includes(null)) result['enum'] = [...result['enum'], null]
  if (result['nullable'] !== true || 'type' in result) return result
  delete result['nullable']
  return { anyOf: [result, { type: 'null' }] }
}

function rebase(schema: unknown): unknown {
  return normalize(schema, SPEC_ID)
}

function compileValidators(matched: MatchedOperation): OperationValidators {
  const spec = loadGitHubSpec()
  const queryParameters = operationParameters(spec, matched.operation).filter((parameter) => parameter.in === 'query')
  const querySchema = {
    type: 'object',
    properties: Object.fromEntries(queryParameters.map((parameter) => [parameter.name, rebase(parameter.schema ?? {})])),
    required: queryParameters.filter((parameter) => parameter.required === true).map((parameter) => parameter.name),
  }
  const bodySchema = matched.operation.requestBody?.content?.['application/json']?.schema
  return {
    query: instances().query.compile(querySchema),
    knownQuery: new Set(queryParameters.map((parameter) => parameter.name)),
    body: bodySchema ? instances().body.compile(rebase(bodySchema) as object) : undefined,
    bodyRequired: matched.operation.requestBody?.required === true,
  }
}

function describe(where: RequestProblem['where'], errors: ErrorObject[] | null | undefined): RequestProblem[] {
  return (errors ?? []).map((error) => ({ where, message: `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` }))
}

function validateQuery(found: OperationValidators, query: URLSearchParams): RequestProblem[] {
  const values: Record<string, string> = Object.fromEntries(query.entries())
  const unknown = Object.keys(values).filter((name) => !found.knownQuery.has(name))
  // GitHub ignores unknown query parameters, which hides a typo such as `perPage`: report them.
  const problems = unknown.map((name): RequestProblem => ({ where: 'query', message: `unknown query parameter "${name}"` }))
  if (!found.query(values)) problems.push(...describe('query', found.query.errors))
  return problems
}

/**
 * Checks the query and JSON body of a matched request against the operation's schemas. Path parameters are present
 * by construction of the match. Returns no problems for a request GitHub's description accepts.
 */
export function validateRequest(matched: MatchedOperation, query: URLSearchParams, body: unknown): RequestProblem[] {
  let found = validators.get(matched.key)
  if (!found) {
    found = compileValidators(matched)
    validators.set(matched.key, found)
  }
  const problems = validateQuery(found, query)
  if (body === undefined) {
    if (found.bodyRequired) problems.push({ where: 'body', message: 'a JSON request body is required' })
  } else if (found.body && !found.body(body)) {
    problems.push(...describe('body', found.body.errors))
  }
  return problems
}
