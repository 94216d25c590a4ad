import type { ConfigurationPair } from '../src/emulator/parse-configuration.js'
import type { PullPlan } from '../src/emulator/pull-policy.js'
import type { UnsupportedInputError } from '../src/errors.js'
import type { CredentialSources } from '../src/policy/token-policy.js'
import type { PortBinding } from '../src/ports.js'

/** Every input `action.yml` declares; a unit test keeps the two lists equal. */
export const INPUT_NAMES = [
  'auth-token',
  'image',
  'image-tag',
  'configuration',
  'wait-timeout',
  'skip-wait',
  'skip-startup',
  'allow-developer-token',
  'network',
  'container-name',
  'ports',
  'export-endpoint',
  'skip-configure-environment',
  'skip-pull',
  'pull-policy',
  'ignore-unsupported-inputs',
  'state-backend',
  'state-action',
  'state-name',
  'preview-cmd',
  'include-preview',
  'lifetime',
  'auto-load-pod',
  'extension-auto-install',
  'skip-ephemeral-stop',
  'use-pro',
  'install-awslocal',
  'ci-project',
  'github-token',
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/** Retired inputs of the incumbent action: accepted so a workflow switches by changing only `uses:`. */
export const DEPRECATED_INPUTS: Readonly<Partial<Record<InputName, string>>> = {
  'use-pro': 'use-pro has no effect: since March 2026 every LocalStack image needs a token. Remove it.',
  'install-awslocal': 'install-awslocal has no effect: this action installs nothing. Use the AWS CLI with the exported AWS_ENDPOINT_URL, or pip install awscli-local yourself.',
  'ci-project': 'ci-project has no effect: Stack Insights links are not supported. Remove it.',
  'github-token': 'github-token has no effect: this action posts no PR comments. Remove it.',
}

/** Everything the Action needs, parsed and validated once, before any side effect (docs/style.md §5). */
export interface ActionSettings {
  readonly credentials: CredentialSources
  readonly allowDeveloperToken: boolean
  /** `repository:tag`. */
  readonly image: string
  readonly configuration: readonly ConfigurationPair[]
  readonly waitTimeoutMs: number
  readonly shouldSkipWait: boolean
  readonly shouldSkipStartup: boolean
  readonly network: string | undefined
  readonly containerName: string
  readonly ports: readonly PortBinding[] | undefined
  /** Export the AWS environment (endpoint, dummy credentials where none, region) to the following steps. */
  readonly shouldConfigureEnvironment: boolean
  readonly pull: PullPlan
  /** Keys of `configuration` whose values a shell would have substituted; passed verbatim, with one warning. */
  readonly unexpandedKeys: readonly string[]
  /** Set inputs of the incumbent this Action cannot honour: an error, or a warning with the opt-out. */
  readonly unsupported: { readonly error: UnsupportedInputError; readonly warning: string; readonly isIgnored: boolean } | undefined
  /** One warning per deprecated input the workflow set. */
  readonly deprecations: readonly string[]
  readonly runner: RunnerEnvironment
}

/** What the Action reads from the runner's environment (only `inputs.ts` reads it). */
export interface RunnerEnvironment {
  /** `CI` as set; presence counts. */
  readonly ciValue: string | undefined
  readonly isForkPullRequest: boolean
  /** Host `LOCALSTACK_*` variables, credentials excluded, to forward as `localstack start` does. */
  readonly hostLocalstackEnv: Readonly<Record<string, string>>
  readonly dockerHost: string | undefined
  readonly isDockerTlsRequested: boolean
  /** Host directory mounted at /var/lib/localstack. */
  readonly volumeDir: string
  /** The job's own AWS variables, so the Action never overrides credentials or a region the job set. */
  readonly awsEnv: Readonly<Record<string, string | undefined>>
}
