import picomatch from 'picomatch'
import { parseDocument } from 'yaml'
import { z } from 'zod'
import { InvalidConfigError } from '../errors.js'
import { alertResponseKeys, DEFAULT_SECRETS, rotationSchema, secretTargetSchema } from '../incidents/response-config.js'
import { redactTokenShapes } from '../tokens/redact-token-shapes.js'
import { describeUnsafeGlob, MAX_GLOB_CHARS, MAX_IGNORE_PATHS } from './glob-limits.js'

/** The configuration file, in the repository or in the organisation's `.github` repository (docs/design.md). */
export const GUARD_CONFIG_PATH = '.github/localstack-guard.yml'

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/

/**
 * The configuration is written by anyone who can push, and read on every push that finds something: it is capped, so
 * a file cannot cost more to read than a scan. 64 KiB holds thousands of reasonable entries.
 */
export const MAX_CONFIG_CHARS = 64 * 1024
const MAX_ALLOWED_FINGERPRINTS = 1000
/** A broken file lists at most this many problems (each redacted and shortened): the check run is not a dump. */
const MAX_PROBLEMS = 20
const MAX_PROBLEM_CHARS = 300

const configSchema = z
  .object({
    'ignore-paths': z
      .array(
        z
          .string()
          .min(1, 'must not be empty')
          .max(MAX_GLOB_CHARS, `must be at most ${MAX_GLOB_CHARS} characters`)
          .superRefine((glob, ctx) => {
            const unsafe = describeUnsafeGlob(glob)
            if (unsafe !== undefined) ctx.addIssue({ code: 'custom', message: unsafe })
          }),
      )
      .max(MAX_IGNORE_PATHS, `must list at most ${MAX_IGNORE_PATHS} globs`)
      .default([]),
    'allow-fingerprints': z
      .array(z.string().regex(FINGERPRINT, 'must be "sha256:" followed by 64 lower-case hex digits (as the scan reports it)'))
      .max(MAX_ALLOWED_FINGERPRINTS, `must list at most ${MAX_ALLOWED_FINGERPRINTS} fingerprints`)
      .default([]),
    alerts: z
      .object({
        team: z.string().regex(/^@?[\w.-]+\/[\w.-]+$/, 'must name a team as "@org/team"').optional(),
        assignees: z.array(z.string().regex(/^[\w-]+$/, 'must be a GitHub login')).default([]),
        labels: z.array(z.string().min(1)).default(['security', 'localstack-token-leak']),
        ...alertResponseKeys,
      })
      .strict()
      .prefault({}),
    // The leak response (README "When a token leaks"): where the token lives in CI, and how it is rotated.
    secrets: z.array(secretTargetSchema).max(20).default(DEFAULT_SECRETS),
    rotation: rotationSchema.prefault({}),
    migration: z.enum(['issue', 'pull-request', 'off']).default('issue'),
    'check-on-clean-push': z.boolean().default(false),
  })
  .strict()

/** The validated configuration, with defaults filled in. */
export type GuardConfig = z.output<typeof configSchema>

/** What applies when a repository has no configuration file. */
export const DEFAULT_GUARD_CONFIG: GuardConfig = configSchema.parse({})

/**
 * Parses and validates a configuration file. A broken file throws `InvalidConfigError` whose `problems` are
 * `key: what is wrong` lines, so the user sees the key to fix rather than a schema dump (docs/style.md §4).
 */
export function parseGuardConfig(yamlText: string, sourceName: string = GUARD_CONFIG_PATH): GuardConfig {
  if (yamlText.length > MAX_CONFIG_CHARS) throw invalid(sourceName, [`(file): ${yamlText.length} characters, more than the ${MAX_CONFIG_CHARS} allowed`])
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true })
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => `(yaml): ${error.message.split('\n')[0] ?? error.code}`)
    throw invalid(sourceName, problems)
  }
  return validateGuardConfig(document.toJS(), sourceName)
}

function invalid(sourceName: string, found: readonly string[]): InvalidConfigError {
  // Keys and values come from the push: token shapes are redacted, and the list is bounded.
  const shown = found.slice(0, MAX_PROBLEMS).map((problem) => redactTokenShapes(problem.length > MAX_PROBLEM_CHARS ? `${problem.slice(0, MAX_PROBLEM_CHARS)}…` : problem))
  const problems = found.length > MAX_PROBLEMS ? [...shown, `(and ${found.length - MAX_PROBLEMS} more problems)`] : shown
  const listed = problems.join('; ')
  return new InvalidConfigError(
    `${sourceName} is not valid: ${listed}. Fix the file (see the README's configuration section); until then the defaults apply.`,
    problems,
  )
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)'
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('')
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
  return issue.message
}

/** Compiled filters by configuration: a configuration's globs are compiled once, not per push or per finding. */
const compiledFilters = new Map<string, (path: string) => boolean>()
const MAX_COMPILED_FILTERS = 256

/**
 * Builds the path filter of a configuration: true when a path is to be scanned. Extended globs are off (their
 * alternations backtrack), and a path longer than a glob can be matched in bounded time is scanned, not skipped.
 */
export function createPathFilter(config: Pick<GuardConfig, 'ignore-paths'>): (path: string) => boolean {
  const globs = config['ignore-paths']
  if (globs.length === 0) return () => true
  const key = JSON.stringify(globs)
  const known = compiledFilters.get(key)
  if (known !== undefined) return known
  const isIgnored = picomatch([...globs], { dot: true, noextglob: true })
  const filter = (path: string): boolean => path.length > MAX_FILTERED_PATH_CHARS || !isIgnored(path)
  if (compiledFilters.size >= MAX_COMPILED_FILTERS) compiledFilters.delete(compiledFilters.keys().next().value ?? '')
  compiledFilters.set(key, filter)
  return filter
}

/** Paths longer than this are always scanned: matching them against a glob could take seconds. */
const MAX_FILTERED_PATH_CHARS = 1024

/** Validates an already parsed configuration value (as Probot's config plugin returns it). */
export function validateGuardConfig(value: unknown, sourceName: string = GUARD_CONFIG_PATH): GuardConfig {
  const size = JSON.stringify(value ?? {}).length
  if (size > MAX_CONFIG_CHARS) throw invalid(sourceName, [`(file): ${size} characters of values, more than the ${MAX_CONFIG_CHARS} allowed`])
  const result = configSchema.safeParse(value ?? {})
  if (result.success) return result.data
  throw invalid(sourceName, result.error.issues.map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`))
}

/** What a configuration means to a scan: the paths it reads and the fingerprints it drops. */
export interface ConfiguredScan {
  readonly isPathIncluded: (path: string) => boolean
  /** The globs behind `isPathIncluded`, for a scan that filters elsewhere (the bot's scanning threads). */
  readonly ignorePaths: readonly string[]
  readonly allowFingerprints: ReadonlySet<string>
}

/** The scan options of a configuration (one place, for every front end). */
export function configuredScan(config: Pick<GuardConfig, 'ignore-paths' | 'allow-fingerprints'>): ConfiguredScan {
  return { isPathIncluded: createPathFilter(config), ignorePaths: config['ignore-paths'], allowFingerprints: new Set(config['allow-fingerprints']) }
}

/** Applies a configuration to findings made without it (the bot reads its configuration only when it finds something). */
export function applyGuardConfig<T extends { readonly file: string; readonly fingerprint: string }>(findings: readonly T[], config: GuardConfig): T[] {
  const { isPathIncluded, allowFingerprints } = configuredScan(config)
  return findings.filter((finding) => isPathIncluded(finding.file) && !allowFingerprints.has(finding.fingerprint))
}
