import type { LeakGroup } from '../../../src/incidents/group-leaks.js'
import type { IncidentNotice, AlertSettings } from '../../../src/incidents/leak-response.js'
import type { RotationAnswer, RotationRequest, SecretsPort, SecretTarget } from '../../../src/incidents/rotation-ports.js'
import type { RotationDependencies, RotationSettings } from '../../../src/incidents/rotate-incident.js'
import type { PushOrigin } from '../../../src/incidents/summary-incident.js'
import { fingerprintToken, redactToken } from '../../../src/tokens/index.js'
import { InMemoryIncidentGitHub } from '../../fakes/in-memory-incident-github.js'
import { InMemoryLocks, InMemoryStore } from '../../fakes/in-memory-store.js'
import { RecordingLogger } from '../../fakes/recording-logger.js'
import { generateToken } from '../../support/generate-token.js'

/** Actions secrets in memory: values kept for assertions, update times from the harness clock. */
export class InMemorySecrets implements SecretsPort {
  readonly values = new Map<string, string>()
  readonly updated = new Map<string, number>()
  readonly failing = new Set<string>()
  constructor(private readonly nowMs: () => number) {}
  static key(target: SecretTarget): string {
    return target.scope === 'organization' ? `org:${target.organization}:${target.name}` : target.scope === 'environment' ? `env:${target.repository}:${target.environment}:${target.name}` : `repo:${target.repository}:${target.name}`
  }
  async updatedAtMs(target: SecretTarget): Promise<number | undefined> {
    return this.updated.get(InMemorySecrets.key(target))
  }
  async write(target: SecretTarget, value: string): Promise<void> {
    const key = InMemorySecrets.key(target)
    if (this.failing.has(key)) throw new Error(`Writing ${key}: GitHub answered 403 (Resource not accessible by integration)`)
    this.values.set(key, value)
    this.updated.set(key, this.nowMs())
  }
}

/** The lifecycle wired to in-memory ports, with a scripted rotation service. */
export function lifecycleWorld(options: { settings?: Partial<AlertSettings>; rotation?: Partial<RotationSettings> } = {}) {
  let nowMs = 1_750_000_000_000
  const github = new InMemoryIncidentGitHub().setVisibility('acme/app', 'private').setVisibility('acme/site', 'public').setVisibility('acme/security', 'private')
  const store = new InMemoryStore()
  const log = new RecordingLogger()
  const notices: IncidentNotice[] = []
  const requests: RotationRequest[] = []
  const answers: RotationAnswer[] = []
  const secrets = new InMemorySecrets(() => nowMs)
  const settings: AlertSettings = { labels: ['security'], assignees: [], isSecurityRepositoryAlways: false, watchedSecrets: ['LOCALSTACK_AUTH_TOKEN'], ...options.settings }
  const rotation: RotationSettings = { provider: 'webhook', isDryRun: false, sendsToken: false, targets: [{ scope: 'repository', repository: 'acme/app', name: 'LOCALSTACK_AUTH_TOKEN' }], ...options.rotation }
  const deps: RotationDependencies = {
    alerts: settings,
    rotation,
    github,
    incidents: store,
    locks: new InMemoryLocks(),
    log,
    nowMs: () => nowMs,
    webBaseUrl: 'https://github.example',
    notify: async (notice) => void notices.push(notice),
    secrets,
    rotationService: {
      request: async (request) => {
        requests.push(request)
        return answers.shift() ?? { kind: 'failed', reason: 'no scripted answer' }
      },
    },
    tokenSource: { readToken: async () => undefined },
  }
  const tokens: string[] = []
  return {
    github,
    store,
    log,
    notices,
    requests,
    answers,
    secrets,
    deps,
    settings,
    rotation,
    tokens,
    advance: (ms: number) => (nowMs += ms),
    now: () => nowMs,
    token(prefix = 'lsci-'): string {
      const token = generateToken(prefix)
      tokens.push(token)
      return token
    },
    origin(repository = 'acme/app', isPublic = false): PushOrigin {
      return { installationId: 7, repository, exposure: { isPublic, isDefaultBranch: true }, headSha: 'a'.repeat(40) }
    },
    group(token: string, where: { repository?: string; path?: string; line?: number; isPublic?: boolean; commit?: string } = {}): LeakGroup {
      const repository = where.repository ?? 'acme/app'
      return {
        fingerprint: fingerprintToken(token),
        kind: token.startsWith('lsci-') ? 'ci-token' : 'developer-token',
        redacted: redactToken(token),
        sightings: [{ repository, commit: where.commit ?? 'c'.repeat(40), path: where.path ?? 'ci.env', line: where.line ?? 1, ref: 'refs/heads/main', pusher: 'octocat', exposure: { isPublic: where.isPublic ?? false, isDefaultBranch: true } }],
      }
    },
    key: (token: string) => ({ installationId: 7, fingerprint: fingerprintToken(token) }),
  }
}
