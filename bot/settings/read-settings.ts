import { InvalidInputError } from '../../src/errors.js'
import type { ResponseEnvironment } from '../jobs/leak-response-context.js'
import { privateKeyProblem } from './private-key-problem.js'
import { redactTokens } from './redact-value.js'
import { botEnvSchema, SECRET_VARIABLES, type BotEnv } from './env-schema.js'

/** The bot's settings: everything the composition root decides from the environment, validated once. */
export interface BotSettings {
  /** `setup`: no app credentials yet, Probot serves the registration page; `app`: the bot runs. */
  readonly mode: 'setup' | 'app'
  /** `NODE_ENV=development`, set on purpose: the only mode that may run without a webhook secret. */
  readonly isDevelopment: boolean
  readonly webhookSecret: string
  /** The public webhook path (our endpoint answers it). */
  readonly webhookPath: string
  /** `https://github.com`, or the GHES web root: where permalinks point. */
  readonly webBaseUrl: string
  readonly databasePath: string
  readonly redisUrl: string | undefined
  readonly workers: number
  readonly job: { readonly maxAttempts: number; readonly retryBaseMs: number }
  /** 0 turns a schedule off. */
  readonly redelivery: { readonly intervalMs: number; readonly windowMs: number }
  readonly refSweep: { readonly intervalMs: number; readonly maxRepositories: number }
  /** The leak response: the bot's public URL, signing secrets, outbound retries. */
  readonly response: ResponseEnvironment
  /** How often open incidents are checked for a rotated secret or an overdue escalation; 0 turns it off. */
  readonly incidentWatchMs: number
  /** The merged variables (environment and `.env`), for Probot's `run()`, so both read the same values. */
  readonly env: Readonly<Record<string, string>>
  readonly parsed: BotEnv
}

/** What reading settings needs from the outside: the two sources and a file check. */
export interface SettingsSources {
  readonly environment: Readonly<Record<string, string | undefined>>
  /** The variables of `.env` (empty when there is none). Probot lets them win over the environment; so do we. */
  readonly dotenv: Readonly<Record<string, string>>
  readonly isReadableFile: (path: string) => boolean
}

/** Attempts of an outbound request (rotation service, alert webhook) in all, with doubling waits between. */
const OUTBOUND_ATTEMPTS = 4

/** The insecure secret of the explicit development mode (Probot's own default). */
export const DEVELOPMENT_WEBHOOK_SECRET = 'development'

/**
 * Validates every variable the bot reads and decides its settings, or throws one `InvalidInputError` naming each bad
 * variable, what it holds (never for a credential) and what it accepts. Nothing has started when it throws.
 */
export function readSettings(sources: SettingsSources): BotSettings {
  const env = mergeSources(sources)
  const parsed = validate(env, sources.isReadableFile)
  const mode = parsed.APP_ID !== undefined ? 'app' : 'setup'
  const isDevelopment = parsed.NODE_ENV === 'development'
  if (mode === 'app' && parsed.WEBHOOK_SECRET === undefined && !isDevelopment) throw missingSecretError()
  if (mode === 'setup' && parsed.NODE_ENV === 'production') throw missingCredentialsError()
  return toSettings(parsed, { mode, isDevelopment, env })
}

function validate(env: Record<string, string>, isReadableFile: (path: string) => boolean): BotEnv {
  const problems = unknownGuardVariables(env)
  const result = botEnvSchema.safeParse(env)
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(describeIssue(String(issue.path[0] ?? '?'), issue.message, env))
  }
  if (problems.length > 0 || !result.success) throw environmentError(problems)
  problems.push(...credentialProblems(result.data, isReadableFile))
  if (problems.length > 0) throw environmentError(problems)
  return result.data
}

function toSettings(parsed: BotEnv, decided: Pick<BotSettings, 'mode' | 'isDevelopment' | 'env'>): BotSettings {
  const { mode, isDevelopment, env } = decided
  return {
    mode,
    isDevelopment,
    webhookSecret: parsed.WEBHOOK_SECRET ?? DEVELOPMENT_WEBHOOK_SECRET,
    webhookPath: parsed.WEBHOOK_PATH,
    webBaseUrl: parsed.GHE_HOST === undefined ? 'https://github.com' : `${parsed.GHE_PROTOCOL}://${parsed.GHE_HOST}`,
    databasePath: parsed.GUARD_DATABASE_PATH,
    redisUrl: parsed.REDIS_URL,
    workers: parsed.GUARD_WORKERS,
    job: { maxAttempts: parsed.GUARD_JOB_ATTEMPTS, retryBaseMs: parsed.GUARD_JOB_RETRY_BASE_MS },
    redelivery: { intervalMs: parsed.GUARD_REDELIVERY_INTERVAL_SECONDS * 1000, windowMs: parsed.GUARD_REDELIVERY_WINDOW_HOURS * 3_600_000 },
    refSweep: { intervalMs: parsed.GUARD_REF_SWEEP_INTERVAL_SECONDS * 1000, maxRepositories: parsed.GUARD_REF_SWEEP_REPOSITORIES },
    response: {
      ...(parsed.GUARD_PUBLIC_URL === undefined ? {} : { publicUrl: parsed.GUARD_PUBLIC_URL }),
      ...(parsed.GUARD_ROTATION_SECRET === undefined ? {} : { rotationSecret: parsed.GUARD_ROTATION_SECRET }),
      ...(parsed.GUARD_ALERT_SECRET === undefined ? {} : { alertSecret: parsed.GUARD_ALERT_SECRET }),
      retryBaseMs: parsed.GUARD_OUTBOUND_RETRY_MS,
      attempts: OUTBOUND_ATTEMPTS,
    },
    incidentWatchMs: parsed.GUARD_INCIDENT_WATCH_SECONDS * 1000,
    env,
    parsed,
  }
}

/** `.env` over the environment (Probot's `run()` applies it that way); an empty value counts as unset. */
function mergeSources(sources: SettingsSources): Record<string, string> {
  const merged: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...sources.environment, ...sources.dotenv })) if (value !== undefined && value !== '') merged[name] = value
  return merged
}

const KNOWN = new Set(Object.keys(botEnvSchema.shape))

/** A misspelt `GUARD_WORKER=4` would silently keep the default: our own prefix is closed. */
function unknownGuardVariables(env: Record<string, string>): string[] {
  const known = [...KNOWN].filter((name) => name.startsWith('GUARD_')).join(', ')
  return Object.keys(env)
    .filter((name) => name.startsWith('GUARD_') && !KNOWN.has(name))
    .map((name) => `${name} is not a setting of the bot (known: ${known})`)
}

function describeIssue(name: string, message: string, env: Record<string, string>): string {
  const value = env[name] ?? ''
  const shown = SECRET_VARIABLES.has(name) ? '(value not shown)' : `"${redactTokens(value.length > 60 ? `${value.slice(0, 60)}…` : value)}"`
  return `${name} is ${shown}: ${message}`
}

function credentialProblems(parsed: BotEnv, isReadableFile: (path: string) => boolean): string[] {
  const hasKey = parsed.PRIVATE_KEY !== undefined || parsed.PRIVATE_KEY_PATH !== undefined
  if (parsed.APP_ID !== undefined && !hasKey) return ['APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is: the app cannot authenticate']
  if (parsed.APP_ID === undefined && hasKey) return ['PRIVATE_KEY or PRIVATE_KEY_PATH is set but APP_ID is not: the app cannot authenticate']
  if (parsed.PRIVATE_KEY === undefined && parsed.PRIVATE_KEY_PATH !== undefined && !isReadableFile(parsed.PRIVATE_KEY_PATH)) {
    return [`PRIVATE_KEY_PATH is "${parsed.PRIVATE_KEY_PATH}": no readable file there`]
  }
  const keyProblem = parsed.PRIVATE_KEY === undefined ? undefined : privateKeyProblem(parsed.PRIVATE_KEY)
  return keyProblem === undefined ? [] : [keyProblem]
}

function environmentError(problems: readonly string[]): InvalidInputError {
  return new InvalidInputError(
    `The bot's environment is invalid: ${problems.join('; ')}. Fix ${problems.length === 1 ? 'this variable' : 'these variables'} in the environment or in .env (README: "Bot configuration"), then start the bot again.`,
  )
}

function missingCredentialsError(): InvalidInputError {
  return new InvalidInputError(
    'The bot has no GitHub App credentials: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) are not set, and with NODE_ENV=production the registration page is off. ' +
      'Set APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, and WEBHOOK_SECRET from the registered app, or register it first by starting the bot without NODE_ENV=production (README: "Deploying the bot").',
  )
}

function missingSecretError(): InvalidInputError {
  return new InvalidInputError(
    'The bot refuses to start without a webhook secret: WEBHOOK_SECRET is not set, so anyone who can reach the webhook URL could forge deliveries signed with the development default. ' +
      'Set WEBHOOK_SECRET to the webhook secret of the GitHub App (the app\'s settings page, "Webhook secret"), or set NODE_ENV=development to run with the insecure secret "development" on your own machine.',
  )
}
