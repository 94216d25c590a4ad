import { z } from 'zod'

/** `true` or `false` only: a typo must not silently mean "off" (STYLE: strict booleans). */
const strictBoolean = z.enum(['true', 'false'], { error: 'expected true or false' }).transform((value) => value === 'true')

/** A whole number in a range, written as digits only (`sixteen`, `4.5`, `8 workers` are refused, never coerced). */
function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: `expected a whole number from ${min} to ${max}` })
}

/** Seconds, whole or with a fraction (`300`, `0.5`): a period short enough for a test is still a period. */
function seconds(max: number) {
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: `expected a number of seconds from 0 to ${max}, such as 300 or 0.5` })
    .transform(Number)
    .refine((value) => value <= max, { error: `expected a number of seconds from 0 to ${max}, such as 300 or 0.5` })
}

const url = (protocols: readonly string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol)
      } catch {
        return false
      }
    },
    { error: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  )

/**
 * Every environment variable the bot reads, Probot's and its own, in one schema. Values are strings as the
 * environment (or `.env`) gives them; an empty string counts as unset. Defaults live here, so the README table and
 * the code cannot disagree.
 */
export const botEnvSchema = z.object({
  // Probot's own (https://probot.github.io/docs/configuration/).
  APP_ID: wholeNumber(1, Number.MAX_SAFE_INTEGER).optional(),
  PRIVATE_KEY: z.string().optional(),
  PRIVATE_KEY_PATH: z.string().optional(),
  WEBHOOK_SECRET: z.string().min(16, { error: 'is shorter than 16 characters; GitHub generates 40' }).optional(),
  WEBHOOK_PATH: z.string().startsWith('/', { error: 'expected a path starting with /' }).default('/api/github/webhooks'),
  WEBHOOK_PROXY_URL: url(['https:', 'http:']).optional(),
  PORT: wholeNumber(1, 65_535).default(3000),
  HOST: z.string().optional(),
  GHE_HOST: z.string().regex(/^[A-Za-z0-9.-]+(:\d+)?$/, { error: 'expected a host name such as github.example.com, without a scheme or path' }).optional(),
  GHE_PROTOCOL: z.enum(['https', 'http'], { error: 'expected https or http' }).default('https'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal'], { error: 'expected trace, debug, info, warn, error or fatal' }).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'expected json or pretty' }).optional(),
  LOG_LEVEL_IN_STRING: strictBoolean.optional(),
  LOG_MESSAGE_KEY: z.string().optional(),
  SENTRY_DSN: url(['https:', 'http:']).optional(),
  NODE_ENV: z.string().optional(),
  NO_SMEE_SETUP: strictBoolean.optional(),
  // The bot's own.
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  GUARD_DATABASE_PATH: z.string().default('data/localstack-guard.sqlite'),
  GUARD_WORKERS: wholeNumber(1, 256).default(16),
  GUARD_JOB_ATTEMPTS: wholeNumber(1, 50).default(8),
  GUARD_JOB_RETRY_BASE_MS: wholeNumber(10, 3_600_000).default(5000),
  GUARD_REDELIVERY_INTERVAL_SECONDS: wholeNumber(0, 86_400).default(300),
  GUARD_REDELIVERY_WINDOW_HOURS: wholeNumber(1, 72).default(24),
  GUARD_REF_SWEEP_INTERVAL_SECONDS: wholeNumber(0, 604_800).default(3600),
  GUARD_REF_SWEEP_REPOSITORIES: wholeNumber(1, 10_000).default(200),
  // The leak response (README: "When a token leaks").
  GUARD_PUBLIC_URL: url(['https:', 'http:']).optional(),
  GUARD_ROTATION_SECRET: z.string().min(16, { error: 'is shorter than 16 characters; use a random secret of 32 or more' }).optional(),
  GUARD_ALERT_SECRET: z.string().min(16, { error: 'is shorter than 16 characters; use a random secret of 32 or more' }).optional(),
  GUARD_OUTBOUND_RETRY_MS: wholeNumber(1, 3_600_000).default(1000),
  GUARD_INCIDENT_WATCH_SECONDS: seconds(86_400).default(300),
})

export type BotEnv = z.output<typeof botEnvSchema>

/** Variables whose value is a credential: named in errors, never echoed. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['PRIVATE_KEY', 'WEBHOOK_SECRET', 'SENTRY_DSN', 'REDIS_URL', 'GUARD_ROTATION_SECRET', 'GUARD_ALERT_SECRET'])
