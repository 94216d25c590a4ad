import nock from 'nock'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'
import { startHarness, type Harness } from './probot-harness.js'

const sha = (c: string) => c.repeat(40)

function pushPayload(overrides: Record<string, unknown> = {}) {
  return {
    ref: 'refs/heads/feature',
    before: sha('a'),
    after: sha('b'),
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: '',
    commits: [{ id: sha('b'), added: ['config/.env'], modified: [], removed: [] }],
    head_commit: { id: sha('b') },
    repository: { id: 42, name: 'app', full_name: 'acme/app', owner: { login: 'acme', name: 'acme' }, default_branch: 'main', private: true },
    pusher: { name: 'octocat' },
    sender: { login: 'octocat' },
    installation: { id: 1 },
    ...overrides,
  }
}

function mockAuth(scope: nock.Scope): nock.Scope {
  return scope.post('/app/installations/1/access_tokens').reply(201, { token: 'installation-token', expires_at: '2099-01-01T00:00:00Z', permissions: {} })
}

function mockAuthAndConfig(scope: nock.Scope): nock.Scope {
  return mockAuth(scope)
    .get(/\/repos\/acme\/app\/contents\/.*localstack-guard\.yml/)
    .reply(404, { message: 'Not Found' })
    .get(/\/repos\/acme\/\.github\/contents\/.*localstack-guard\.yml/)
    .reply(404, { message: 'Not Found' })
}

describe('push handler', () => {
  let harness: Harness

  beforeEach(async () => {
    harness = await startHarness()
  })

  afterEach(() => harness.close())

  it('opens one incident and a failed check run for a leak in a new file, and never sends the token', async () => {
    const token = generateToken('lsci-')
    const bodies: string[] = []
    const record = (body: unknown) => (bodies.push(JSON.stringify(body)), true)
    mockAuthAndConfig(harness.github())
      .get(`/repos/acme/app/commits/${sha('b')}`)
      .reply(200, { sha: sha('b'), parents: [{ sha: sha('a') }], files: [{ filename: 'config/.env', status: 'added', sha: sha('e'), patch: `@@ -0,0 +1,2 @@\n+A=1\n+LOCALSTACK_AUTH_TOKEN=${token}` }] })
      .post('/repos/acme/app/issues', record)
      .reply(201, { number: 7 })
      .post('/repos/acme/app/check-runs', record)
      .reply(201, { id: 99, html_url: 'https://github.com/acme/app/runs/99' })

    await harness.probot.receive({ id: 'delivery-1', name: 'push', payload: pushPayload() } as never)
    await harness.drain()
    const [issue, check] = bodies.map((b) => JSON.parse(b) as Record<string, unknown>)
    expect(issue?.title).toMatch(/^Leaked CI Auth Token: lsci-/)
    expect(String(issue?.body)).toContain(`https://github.com/acme/app/blob/${sha('b')}/config/.env#L2`)
    expect(check).toMatchObject({ head_sha: sha('b'), conclusion: 'failure', output: { annotations: [{ path: 'config/.env', start_line: 2 }] } })
    expect(bodies.join('\n')).not.toContain(token)
    const incident = await harness.store.findIncident(1, fingerprintToken(token))
    expect(incident).toMatchObject({ state: 'alerted', issue: { repository: 'acme/app', number: 7 } })
  })

  it('costs one read and no write for a clean push (no configuration read either)', async () => {
    mockAuth(harness.github())
      .get(`/repos/acme/app/commits/${sha('b')}`)
      .reply(200, { sha: sha('b'), parents: [{ sha: sha('a') }], files: [{ filename: 'config/.env', status: 'added', sha: sha('e'), patch: '@@ -0,0 +1 @@\n+LOCALSTACK_AUTH_TOKEN=${{ secrets.LOCALSTACK_AUTH_TOKEN }}' }] })

    await harness.probot.receive({ id: 'delivery-2', name: 'push', payload: pushPayload() } as never)
    await harness.drain()
  })

  it('changes nothing on a redelivery of the same delivery id', async () => {
    const token = generateToken('ls-')
    mockAuthAndConfig(harness.github())
      .get(`/repos/acme/app/commits/${sha('b')}`)
      .once()
      .reply(200, { sha: sha('b'), parents: [{ sha: sha('a') }], files: [{ filename: 'x.sh', status: 'added', sha: sha('e'), patch: `@@ -0,0 +1 @@\n+localstack auth set-token ${token}` }] })
      .post('/repos/acme/app/issues')
      .once()
      .reply(201, { number: 8 })
      .post('/repos/acme/app/check-runs')
      .once()
      .reply(201, { id: 100 })

    await harness.probot.receive({ id: 'delivery-3', name: 'push', payload: pushPayload() } as never)
    await harness.drain()
    await harness.probot.receive({ id: 'delivery-3', name: 'push', payload: pushPayload() } as never)
    await harness.drain()
  })

  it('skips a deleted branch without any API call', async () => {
    await harness.probot.receive({ id: 'delivery-4', name: 'push', payload: pushPayload({ deleted: true, after: sha('0'), commits: [], head_commit: null }) } as never)
    await harness.drain()
  })
})
