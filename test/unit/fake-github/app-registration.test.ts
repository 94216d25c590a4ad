import { FakeClock } from '../../fakes/fake-clock.js'
import { startFakeGitHub, type FakeGitHub } from '../../fakes/fake-github/index.js'
import { appJwt } from './harness.js'

const MANIFEST = {
  name: 'Guard Test',
  url: 'https://example.com/guard',
  hook_attributes: { url: 'https://guard.example.com/api/github/webhooks' },
  redirect_url: 'http://127.0.0.1:9/probot/setup',
  default_permissions: { contents: 'read', checks: 'write', issues: 'write' },
  default_events: ['push', 'check_run', 'issue_comment'],
}

describe('the fake GitHub registers an app from a manifest as GitHub does', () => {
  let gh: FakeGitHub
  let clock: FakeClock
  beforeEach(async () => {
    clock = new FakeClock(Date.UTC(2026, 0, 1))
    gh = await startFakeGitHub({ appId: 1, clock })
  })
  afterEach(async () => {
    await gh.close()
  })

  async function submit(manifest: unknown, path = '/organizations/acme/settings/apps/new'): Promise<Response> {
    return fetch(`${gh.baseUrl}${path}?state=s1`, { method: 'POST', body: new URLSearchParams({ manifest: JSON.stringify(manifest) }), redirect: 'manual' })
  }

  async function convert(code: string): Promise<Response> {
    return fetch(`${gh.apiUrl}/app-manifests/${code}/conversions`, { method: 'POST', headers: { accept: 'application/vnd.github+json' } })
  }

  it('redirects a valid manifest back with a one-time code whose conversion hands out working credentials', async () => {
    const submitted = await submit(MANIFEST)
    expect(submitted.status).toBe(302)
    const back = new URL(submitted.headers.get('location') ?? '')
    expect(`${back.origin}${back.pathname}`).toBe('http://127.0.0.1:9/probot/setup')
    expect(back.searchParams.get('state')).toBe('s1')
    const code = back.searchParams.get('code') ?? ''
    const converted = await convert(code)
    expect(converted.status).toBe(201)
    const app = (await converted.json()) as { id: number; slug: string; pem: string; webhook_secret: string; html_url: string; owner: { login: string }; permissions: Record<string, string>; events: string[] }
    expect(app).toMatchObject({ slug: 'guard-test', owner: { login: 'acme' }, events: MANIFEST.default_events, permissions: { metadata: 'read', ...MANIFEST.default_permissions } })
    expect(app.html_url).toBe(`${gh.baseUrl}/apps/guard-test`)
    expect(app.pem).toContain('BEGIN RSA PRIVATE KEY')
    const asApp = await fetch(`${gh.apiUrl}/app`, { headers: { authorization: `Bearer ${appJwt(app.pem, app.id)}` } })
    expect(asApp.status).toBe(200)
    expect((await convert(code)).status).toBe(404)
    expect(gh.violations).toEqual([])
  })

  it('installs the registered app with the permissions and events it asked for, and delivers `installation`', async () => {
    gh.createRepository('acme/app').commit({ files: { 'README.md': 'hi\n' } })
    const code = new URL((await submit(MANIFEST)).headers.get('location') ?? '').searchParams.get('code') ?? ''
    await convert(code)
    const installed = await fetch(`${gh.baseUrl}/apps/guard-test/installations/new`, { method: 'POST', body: new URLSearchParams({ account: 'acme', repositories: 'all' }), redirect: 'manual' })
    expect(installed.status).toBe(302)
    const id = Number(/installations\/(\d+)$/.exec(installed.headers.get('location') ?? '')?.[1])
    expect(gh.installation(id)).toMatchObject({ permissions: { metadata: 'read', ...MANIFEST.default_permissions }, events: MANIFEST.default_events, repositorySelection: 'all' })
    for (let i = 0; i < 100 && gh.hookDeliveries.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(gh.hookDeliveries.map((delivery) => ({ event: delivery.event, action: delivery.action, installationId: delivery.installationId }))).toEqual([{ event: 'installation', action: 'created', installationId: id }])
  })

  it.each([
    [{ ...MANIFEST, default_permissions: { checks: 'write', issues: 'write' } }, 'Default events are not supported by permissions: push'],
    [{ ...MANIFEST, default_events: ['push', 'installation'] }, 'Default events unsupported: installation'],
    [{ ...MANIFEST, default_permissions: { contents: 'admin', checks: 'write', issues: 'write' } }, 'Default permission contents cannot be admin'],
    [{ ...MANIFEST, default_permissions: { ...MANIFEST.default_permissions, workflow: 'write' } }, 'Default permission workflow is not a permission'],
    [{ ...MANIFEST, url: undefined }, 'Url must be an http(s) URL'],
    [{ ...MANIFEST, hook_attributes: { url: 'localstack-guard.example.com/hooks' } }, 'Hook url must be an http(s) URL'],
  ])('refuses an invalid manifest with GitHub\'s error (%#)', async (manifest, error) => {
    const submitted = await submit(manifest)
    expect(submitted.status).toBe(422)
    const page = await submitted.text()
    expect(page).toContain('Invalid GitHub App configuration')
    expect(page).toContain(`Error: ${error}`)
    expect(gh.registeredApp).toBeUndefined()
  })

  it('refuses a second app of the same name, and a code converted after an hour', async () => {
    const code = new URL((await submit(MANIFEST, '/settings/apps/new')).headers.get('location') ?? '').searchParams.get('code') ?? ''
    expect(await (await submit({ ...MANIFEST, name: 'guard TEST' })).text()).toContain('Error: Name is already in use')
    clock.advance(60 * 60 * 1000 + 1)
    expect((await convert(code)).status).toBe(404)
  })
})
