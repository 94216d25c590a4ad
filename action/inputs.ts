import * as core from './workflow-commands.js'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CONTAINER_NAME } from '../src/emulator/container-spec.js'
import { keysWithShellSubstitution, parseConfiguration } from '../src/emulator/parse-configuration.js'
import { parsePorts } from '../src/emulator/parse-ports.js'
import { resolvePullPolicy } from '../src/emulator/pull-policy.js'
import { normalizeCredential } from '../src/tokens/index.js'
import { parseBoolean, parseContainerName, parseImage, parseNetwork, parseSeconds } from './input-parsers.js'
import { DEPRECATED_INPUTS, INPUT_NAMES, type ActionSettings, type InputName, type RunnerEnvironment } from './settings.js'
import { unsupportedInputsProblem } from './unsupported-inputs.js'

const CREDENTIAL_VARIABLES = ['LOCALSTACK_AUTH_TOKEN', 'LOCALSTACK_API_KEY'] as const

/**
 * The composition root's reading of the outside world: the only place that reads `process.env` and `core.getInput`
 * (docs/style.md §2.3). Masks every credential first, then validates every input into one settings object; a bad input
 * throws `InvalidInputError` before anything has started.
 */
export function readSettings(): ActionSettings {
  maskCredentials()
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)])) as Record<InputName, string>
  const image = parseImage(raw.image || 'localstack/localstack-pro', raw['image-tag'] || 'latest')
  const configuration = parseConfiguration(raw.configuration)
  const isIgnoringUnsupported = parseBoolean('ignore-unsupported-inputs', raw['ignore-unsupported-inputs'], false)
  const unsupported = unsupportedInputsProblem(raw)
  return {
    credentials: { input: raw['auth-token'], authTokenEnv: process.env.LOCALSTACK_AUTH_TOKEN, apiKeyEnv: process.env.LOCALSTACK_API_KEY },
    allowDeveloperToken: parseBoolean('allow-developer-token', raw['allow-developer-token'], false),
    image,
    configuration,
    unexpandedKeys: keysWithShellSubstitution(configuration),
    waitTimeoutMs: parseSeconds('wait-timeout', raw['wait-timeout'], 120),
    shouldSkipWait: parseBoolean('skip-wait', raw['skip-wait'], false),
    shouldSkipStartup: parseBoolean('skip-startup', raw['skip-startup'], false),
    network: parseNetwork(raw.network),
    containerName: parseContainerName(raw['container-name'] || DEFAULT_CONTAINER_NAME),
    ports: raw.ports === '' ? undefined : parsePorts(raw.ports),
    // export-endpoint: false is this Action's older spelling of skip-configure-environment: true.
    shouldConfigureEnvironment: parseBoolean('export-endpoint', raw['export-endpoint'], true) && !parseBoolean('skip-configure-environment', raw['skip-configure-environment'], false),
    pull: resolvePullPolicy({ pullPolicy: raw['pull-policy'], isSkipPull: parseBoolean('skip-pull', raw['skip-pull'], false), image }),
    unsupported: unsupported === undefined ? undefined : { ...unsupported, isIgnored: isIgnoringUnsupported },
    deprecations: INPUT_NAMES.flatMap((name) => (raw[name] !== '' && DEPRECATED_INPUTS[name] !== undefined ? [DEPRECATED_INPUTS[name]] : [])),
    runner: readRunnerEnvironment(),
  }
}

/** `core.setSecret` before anything can print: the input and both variables, raw and as LocalStack normalises them. */
function maskCredentials(): void {
  const values = [core.getInput('auth-token'), ...CREDENTIAL_VARIABLES.map((name) => process.env[name] ?? '')]
  for (const value of values) {
    for (const form of new Set([value, value.trim(), normalizeCredential(value)])) {
      // The runner masks single lines only: mask each line of a multi-line value too.
      for (const line of form.split(/\r?\n/)) if (line.trim() !== '') core.setSecret(line)
    }
  }
}

function readRunnerEnvironment(): RunnerEnvironment {
  const env = process.env
  const hostLocalstackEnv = Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[0].startsWith('LOCALSTACK_') && !(CREDENTIAL_VARIABLES as readonly string[]).includes(entry[0]) && entry[1] !== undefined,
    ),
  )
  return {
    ciValue: env.CI,
    isForkPullRequest: isForkPullRequest(env.GITHUB_EVENT_NAME, env.GITHUB_EVENT_PATH),
    hostLocalstackEnv,
    dockerHost: env.DOCKER_HOST,
    isDockerTlsRequested: (env.DOCKER_TLS_VERIFY ?? '') !== '',
    volumeDir: env.LOCALSTACK_VOLUME_DIR || join(env.RUNNER_TEMP || tmpdir(), 'localstack-volume'),
    awsEnv: Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('AWS_'))),
  }
}

/** Forks get no secrets; the event payload says whether the head repository is a fork. */
function isForkPullRequest(eventName: string | undefined, eventPath: string | undefined): boolean {
  if (eventName !== 'pull_request' || eventPath === undefined || eventPath === '') return false
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { head?: { repo?: { full_name?: string } }; base?: { repo?: { full_name?: string } } } }
    // Compare names rather than head.repo.fork: a same-repository PR in a repository that is itself a fork gets secrets.
    const head = event.pull_request?.head?.repo?.full_name
    return head !== undefined && head !== event.pull_request?.base?.repo?.full_name
  } catch {
    return false
  }
}

/** What the post step needs: only where Docker is (the main step's settings are gone with its process). */
export function readPostSettings(): { dockerHost: string | undefined; isDockerTlsRequested: boolean } {
  return { dockerHost: process.env.DOCKER_HOST, isDockerTlsRequested: (process.env.DOCKER_TLS_VERIFY ?? '') !== '' }
}
