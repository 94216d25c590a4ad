import type { IncomingCall, Reply } from '../http/request-pipeline.js'
import { installationPayload } from '../payloads/installation-payloads.js'
import { createInstallation } from '../state/create-installation.js'
import type { World } from '../state/world.js'
import { parseAppManifest } from './app-manifest.js'

/** Who is signed in to the fake's web pages when an app is registered on a personal account. */
const SIGNED_IN_USER = 'localstack-admin'

/**
 * The two web pages of GitHub a person uses to set the app up, answered as a browser would see them: the registration
 * page a manifest is POSTed to (https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest),
 * and the app's install page. Anything else outside `/api/v3` is not a page the fake has: `undefined`.
 */
export class WebPages {
  constructor(private readonly world: World) {}

  handle(call: IncomingCall, url: URL): Reply | undefined {
    const organisation = /^\/organizations\/([^/]+)\/settings\/apps\/new$/.exec(url.pathname)?.[1]
    if (call.method === 'POST' && (url.pathname === '/settings/apps/new' || organisation !== undefined)) {
      const owner = organisation === undefined ? { login: SIGNED_IN_USER, type: 'User' as const } : { login: decodeURIComponent(organisation), type: 'Organization' as const }
      return this.registerFromManifest(call, url, owner)
    }
    const slug = /^\/apps\/([^/]+)\/installations\/new$/.exec(url.pathname)?.[1]
    if (slug !== undefined && this.world.registeredApp?.slug === slug) {
      if (call.method === 'GET') return page(200, installPage(slug, this.world.registeredApp.ownerLogin))
      if (call.method === 'POST') return this.install(call)
    }
    return undefined
  }

  /** "Create GitHub App" on the registration page: a valid manifest redirects to its `redirect_url` with a code. */
  private registerFromManifest(call: IncomingCall, url: URL, owner: { login: string; type: 'Organization' | 'User' }): Reply {
    const form = new URLSearchParams(call.bodyText)
    let result = parseAppManifest(form.get('manifest'))
    // App names are unique across GitHub: a second "LocalStack Token Guard" is refused, as GitHub refuses it.
    if (result.ok && this.world.registrations.isNameTaken(result.manifest.name)) result = { ok: false, errors: ['Name is already in use'] }
    if (!result.ok) {
      return page(422, `<h1>Invalid GitHub App configuration</h1>\n<p>The configuration does not appear to be a valid GitHub App manifest.</p>\n${result.errors.map((error) => `<p>Error: ${escapeHtml(error)}</p>`).join('\n')}\n`)
    }
    if (result.manifest.redirectUrl === undefined) {
      return page(422, '<h1>Invalid GitHub App configuration</h1>\n<p>Error: the fake GitHub models only the manifest flow that redirects back with a code: set redirect_url.</p>\n')
    }
    const code = this.world.registrations.submit(result.manifest, owner)
    const target = new URL(result.manifest.redirectUrl)
    target.searchParams.set('code', code)
    const state = url.searchParams.get('state') ?? form.get('state')
    if (state !== null) target.searchParams.set('state', state)
    return { status: 302, headers: { location: target.toString(), 'content-type': 'text/html; charset=utf-8' }, body: undefined, raw: Buffer.from('') }
  }

  /**
   * "Install" on the app's page: the installation gets the permissions and events the app was registered with, and
   * GitHub delivers `installation` (created) to the app's webhook. Form fields: `account`, `account_type`
   * (`Organization` by default), `repositories` (`all`, or `owner/name` separated by commas).
   */
  private install(call: IncomingCall): Reply {
    const app = this.world.registeredApp
    const form = new URLSearchParams(call.bodyText)
    const account = form.get('account')
    if (app === undefined || account === null || account === '') return page(422, '<p>Error: choose the account to install the app on (form field "account").</p>\n')
    const selection = form.get('repositories') ?? 'all'
    const installation = createInstallation(this.world, {
      id: this.world.nextId(),
      account,
      accountType: form.get('account_type') === 'User' ? 'User' : 'Organization',
      repositories: selection === 'all' ? 'all' : selection.split(',').map((name) => name.trim()).filter((name) => name !== ''),
      permissions: app.permissions,
      events: app.events,
    })
    // GitHub delivers in the background: the page answers at once, the delivery shows in `hookDeliveries`.
    void this.world.hookDeliveries.deliver('installation', installationPayload(this.world, installation, { sender: SIGNED_IN_USER })).catch(() => undefined)
    return { status: 302, headers: { location: `${this.world.urls.baseUrl}/settings/installations/${installation.id}`, 'content-type': 'text/html; charset=utf-8' }, body: undefined, raw: Buffer.from('') }
  }
}

function installPage(slug: string, owner: string): string {
  return `<h1>Install ${escapeHtml(slug)}</h1>\n<form method="post"><input name="account" value="${escapeHtml(owner)}"><input name="repositories" value="all"><button>Install</button></form>\n`
}

function page(status: number, html: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: undefined, raw: Buffer.from(html) }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
