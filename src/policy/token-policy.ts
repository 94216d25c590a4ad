import {
  ConflictingCredentialsError,
  DeveloperTokenInCiError,
  InvalidTokenError,
  LegacyKeyError,
  MissingTokenError,
} from '../errors.js'
import { classifyToken, normalizeCredential, type TokenKind } from '../tokens/index.js'

/** Where a credential may come from, in the order docs/design.md gives. Values are raw, as the user set them. */
export interface CredentialSources {
  readonly input: string | undefined
  readonly authTokenEnv: string | undefined
  readonly apiKeyEnv: string | undefined
}

export interface TokenPolicyContext {
  /** `CI` is present in the environment (presence counts, not truthiness: docs/facts.md §2.2). */
  readonly isCi: boolean
  /** The run is a pull request from a fork, which GitHub gives no secrets. */
  readonly isForkPullRequest: boolean
  readonly allowDeveloperToken: boolean
}

export type TokenSource = 'auth-token input' | 'LOCALSTACK_AUTH_TOKEN' | 'LOCALSTACK_API_KEY'

/** An approved credential; `token` is normalised (quotes and spaces stripped) and must still never be printed. */
export interface TokenDecision {
  readonly token: string
  readonly kind: TokenKind
  readonly source: TokenSource
  /** Advice to show as warnings; never contains the token. */
  readonly warnings: readonly string[]
}

const WEB_APP = 'the Auth Tokens page of the LocalStack web app (https://app.localstack.cloud)'

/**
 * Decides offline, from the token model alone, whether the Action may start the emulator with this credential
 * (the token table of README "Token kinds"). Throws a named `GuardError` whose message never contains the token.
 */
export function decideToken(sources: CredentialSources, context: TokenPolicyContext): TokenDecision {
  const { token, source, warnings } = resolveCredential(sources, context)
  const { kind } = classifyToken(token)
  const subject = source === 'auth-token input' ? 'The auth-token input' : source
  if (kind === 'malformed') {
    throw new InvalidTokenError(
      `${subject} holds a malformed LocalStack token (${prefixOf(token)}…): it does not match the Auth Token format or its checksum, so it is mistyped or truncated. ` +
        `Copy the token again from ${WEB_APP} into the secret.`,
    )
  }
  if (kind === 'legacy-key') {
    throw new LegacyKeyError(
      `${subject} holds a legacy API key: legacy API and CI keys stopped activating after their phase-out in early 2025. ` +
        `Create a CI Auth Token on ${WEB_APP}, store it in a LOCALSTACK_AUTH_TOKEN secret, pass it with auth-token: \${{ secrets.LOCALSTACK_AUTH_TOKEN }}, and delete the LOCALSTACK_API_KEY secret.`,
    )
  }
  if (kind === 'developer-token' && context.isCi) {
    if (!context.allowDeveloperToken) {
      throw new DeveloperTokenInCiError(
        `${subject} holds a developer token (ls-…): developer tokens cannot be used in CI. ` +
          `Store a CI Auth Token (lsci-…, created on ${WEB_APP}) in the secret instead, or set allow-developer-token: true.`,
      )
    }
    warnings.push('Using a developer token (ls-…) in CI because allow-developer-token is true: LocalStack may refuse it. Use a CI Auth Token (lsci-…) in shared workflows.')
  }
  if (kind === 'auth-token') warnings.push(`${subject} holds an Auth Token with a prefix of unknown kind (${prefixOf(token)}…); continuing.`)
  if (source === 'LOCALSTACK_API_KEY') {
    warnings.push('LOCALSTACK_API_KEY holds an Auth Token: it works, but the name is the legacy one. Rename the secret and the variable to LOCALSTACK_AUTH_TOKEN.')
  }
  return { token, kind, source, warnings }
}

function resolveCredential(sources: CredentialSources, context: TokenPolicyContext): { token: string; source: TokenSource; warnings: string[] } {
  const input = nonEmpty(sources.input)
  const authToken = nonEmpty(sources.authTokenEnv)
  const apiKey = nonEmpty(sources.apiKeyEnv)
  const warnings: string[] = []
  if (input !== undefined) {
    if (apiKey !== undefined) warnings.push('LOCALSTACK_API_KEY is set but ignored: the auth-token input wins. Delete the LOCALSTACK_API_KEY variable.')
    return { token: input, source: 'auth-token input', warnings }
  }
  if (authToken !== undefined && apiKey !== undefined) {
    throw new ConflictingCredentialsError(
      'Both LOCALSTACK_AUTH_TOKEN and LOCALSTACK_API_KEY are set: the emulator refuses to start with both ("please specify either LOCALSTACK_API_KEY or LOCALSTACK_AUTH_TOKEN, not both"). ' +
        'Remove LOCALSTACK_API_KEY from the workflow, or pass the token with the auth-token input.',
    )
  }
  if (authToken !== undefined) return { token: authToken, source: 'LOCALSTACK_AUTH_TOKEN', warnings }
  if (apiKey !== undefined) return { token: apiKey, source: 'LOCALSTACK_API_KEY', warnings }
  throw missingTokenError(context)
}

function missingTokenError(context: TokenPolicyContext): MissingTokenError {
  if (context.isForkPullRequest) {
    return new MissingTokenError(
      'No LocalStack token: this run comes from a fork, and GitHub does not pass secrets to fork workflows. ' +
        'Run the LocalStack job after review (for example on push), or skip it for forks.',
    )
  }
  return new MissingTokenError(
    'No LocalStack token: the auth-token input is empty and neither LOCALSTACK_AUTH_TOKEN nor LOCALSTACK_API_KEY is set. ' +
      `Create a CI Auth Token on ${WEB_APP}, store it as a repository secret named LOCALSTACK_AUTH_TOKEN, and pass it with auth-token: \${{ secrets.LOCALSTACK_AUTH_TOKEN }}.`,
  )
}

function nonEmpty(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const value = normalizeCredential(raw)
  return value === '' ? undefined : value
}

/** Only the `ls…-` prefix: enough to say which kind was meant, nothing of the secret part. */
function prefixOf(token: string): string {
  return /^ls[a-zA-Z]{0,16}-/.exec(token)?.[0] ?? ''
}
