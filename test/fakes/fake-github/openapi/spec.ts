import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The slice of an OpenAPI 3.0 operation the fake reads. */
export interface SpecParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Record<string, unknown>
  'x-multi-segment'?: boolean
}

export interface SpecOperation {
  operationId: string
  parameters?: (SpecParameter | { $ref: string })[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> }
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, SpecOperation>>
  components: { parameters: Record<string, SpecParameter>; schemas: Record<string, unknown> }
}

let cached: OpenApiDocument | undefined

/**
 * GitHub's published REST description (`@octokit/openapi`, api.github.com). Only this one file is read: the package
 * index loads every GHES variant, hundreds of MB (docs/facts.md §6). Parsed once per process (about 13 MB).
 */
export function loadGitHubSpec(): OpenApiDocument {
  if (cached) return cached
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json')
  cached = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument
  return cached
}

/** The operation's parameters with `#/components/parameters/...` references resolved. */
export function operationParameters(spec: OpenApiDocument, operation: SpecOperation): SpecParameter[] {
  return (operation.parameters ?? []).map((parameter) => {
    if (!('$ref' in parameter)) return parameter
    const name = parameter.$ref.replace('#/components/parameters/', '')
    const resolved = spec.components.parameters[name]
    if (!resolved) throw new Error(`OpenAPI description: unresolved parameter reference ${parameter.$ref}`)
    return resolved
  })
}
