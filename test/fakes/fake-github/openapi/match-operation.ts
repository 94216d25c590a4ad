import { loadGitHubSpec, operationParameters, type OpenApiDocument, type SpecOperation } from './spec.js'

/** A request matched to an operation of GitHub's OpenAPI description. */
export interface MatchedOperation {
  /** `METHOD /template`, e.g. `GET /repos/{owner}/{repo}/compare/{basehead}`: the key routes are registered under. */
  key: string
  operation: SpecOperation
  params: Record<string, string>
}

interface CompiledPath {
  template: string
  pattern: RegExp
  names: string[]
  literalSegments: number
  methods: Record<string, SpecOperation>
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head'])

function compilePath(spec: OpenApiDocument, template: string): CompiledPath {
  const methods = Object.fromEntries(Object.entries(spec.paths[template] ?? {}).filter(([method]) => HTTP_METHODS.has(method)))
  const multiSegment = new Set(
    Object.values(methods)
      .flatMap((operation) => operationParameters(spec, operation))
      .filter((parameter) => parameter.in === 'path' && parameter['x-multi-segment'] === true)
      .map((parameter) => parameter.name),
  )
  const names: string[] = []
  // `x-multi-segment` parameters (a contents path, a ref, `base...head`) may hold unencoded slashes.
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_whole, name: string) => {
    names.push(name)
    return multiSegment.has(name) ? '(.+)' : '([^/]+)'
  })
  const literalSegments = template.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).length
  return { template, pattern: new RegExp(`^${source}$`), names, literalSegments, methods }
}

let compiled: CompiledPath[] | undefined

function compiledPaths(): CompiledPath[] {
  if (compiled) return compiled
  const spec = loadGitHubSpec()
  // Most literal segments first, so `/commits/{ref}/check-runs` wins over a multi-segment `/commits/{ref}`.
  compiled = Object.keys(spec.paths)
    .map((template) => compilePath(spec, template))
    .sort((a, b) => b.literalSegments - a.literalSegments || a.names.length - b.names.length)
  return compiled
}

/** Finds the documented operation for a method and a path (already stripped of `/api/v3`), or `undefined`. */
export function matchOperation(method: string, path: string): MatchedOperation | undefined {
  const lower = method.toLowerCase()
  for (const candidate of compiledPaths()) {
    const operation = candidate.methods[lower]
    if (!operation) continue
    const found = candidate.pattern.exec(path)
    if (!found) continue
    const params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]))
    return { key: `${method.toUpperCase()} ${candidate.template}`, operation, params }
  }
  return undefined
}
