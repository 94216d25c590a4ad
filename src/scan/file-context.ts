import type { DetectionContext } from './raw-hit.js'

/**
 * Program source, where `key = value` with an unquoted value is an expression (a variable), not a literal. In env
 * files, YAML, shell, Dockerfiles and Makefiles an unquoted value is the literal itself. A source map holds program
 * source in JSON strings, so it is read as code too.
 */
const CODE_EXTENSIONS = new Set([
  'py', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'tf', 'hcl', 'go', 'rb', 'java', 'kt', 'kts',
  'cs', 'php', 'rs', 'swift', 'scala', 'groovy', 'gradle', 'ps1', 'psm1', 'c', 'cc', 'cpp', 'h', 'hpp', 'lua', 'dart',
  'map', 'pl', 'pm', 'ex', 'exs', 'vue', 'svelte',
])

/** Files that hold configuration data, where a Secret may carry a whole encoded file. */
const DATA_EXTENSIONS = new Set(['yaml', 'yml', 'json', 'env', 'tfvars', 'properties', 'toml', 'ini', 'cfg', 'conf'])

/** Documentation: prose, where a value counts only in code (a code span, or a line shaped as code). */
const PROSE_EXTENSIONS = new Set(['md', 'mdx', 'markdown', 'mkd', 'rst', 'adoc', 'asciidoc', 'html', 'htm', 'xhtml'])

/** Chooses how values are read in a file, from its path alone (the scan may be streaming and see no content yet). */
export function describeFile(path: string): DetectionContext {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1) : ''
  const isDataFile = DATA_EXTENSIONS.has(extension) || name.startsWith('.env') || name.endsWith('.env')
  return { isCode: CODE_EXTENSIONS.has(extension), isDataFile, isProse: PROSE_EXTENSIONS.has(extension) }
}
