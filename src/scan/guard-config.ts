import picomatch from 'picomatch'
import { parseDocument } from 'yaml'
import { z } from 'zod'
import { InvalidConfigError } from '../errors.js'
import { alertResponseKeys, DEFAULT_SECRETS, rotationSchema, secretTargetSchema } from '../incidents/response-config.js'

/** The configuration file, in the repository or in the organisation's `.github` repository (DESIGN.md). */
export const GUARD_CONFIG_PATH = '.github/localstack-guard.yml'

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/

const configSchema = z
  .object({
    'ignore-paths': z.array(z.string().min(1, 'must not be empty')).default([]),
    'allow-fingerprints': z
      .array(z.string().regex(FINGERPRINT, 'must be "sha256:" followed by 64 lower-case hex digits (as the scan reports it)'))
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
 * `key: what is wrong` lines, so the user sees the key to fix rather than a schema dump (STYLE.md §4).
 */
export function parseGuardConfig(yamlText: string, sourceName: string = GUARD_CONFIG_PATH): GuardConfig {
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true })
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => `(yaml): ${error.message.split('\n')[0] ?? error.code}`)
    throw invalid(sourceName, problems)
  }
  return validateGuardConfig(document.toJS(), sourceName)
}

function invalid(sourceName: string, problems: readonly string[]): InvalidConfigError {
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

/** Builds the path filter of a configuration: true when a path is to be scanned. */
export function createPathFilter(config: Pick<GuardConfig, 'ignore-paths'>): (path: string) => boolean {
  if (config['ignore-paths'].length === 0) return () => true
  const isIgnored = picomatch(config['ignore-paths'], { dot: true })
  return (path) => !isIgnored(path)
}

/** Validates an already parsed configuration value (as Probot's config plugin returns it). */
export function validateGuardConfig(value: unknown, sourceName: string = GUARD_CONFIG_PATH): GuardConfig {
  const result = configSchema.safeParse(value ?? {})
  if (result.success) return result.data
  throw invalid(sourceName, result.error.issues.map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`))
}

/** What a configuration means to a scan: the paths it reads and the fingerprints it drops. */
export interface ConfiguredScan {
  readonly isPathIncluded: (path: string) => boolean
  readonly allowFingerprints: ReadonlySet<string>
}

/** The scan options of a configuration (one place, for every front end). */
export function configuredScan(config: Pick<GuardConfig, 'ignore-paths' | 'allow-fingerprints'>): ConfiguredScan {
  return { isPathIncluded: createPathFilter(config), allowFingerprints: new Set(config['allow-fingerprints']) }
}

/** Applies a configuration to findings made without it (the bot reads its configuration only when it finds something). */
export function applyGuardConfig<T extends { readonly file: string; readonly fingerprint: string }>(findings: readonly T[], config: GuardConfig): T[] {
  const { isPathIncluded, allowFingerprints } = configuredScan(config)
  return findings.filter((finding) => isPathIncluded(finding.file) && !allowFingerprints.has(finding.fingerprint))
}
