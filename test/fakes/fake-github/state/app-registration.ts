import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import type { AppManifest } from '../web/app-manifest.js'
import type { PermissionLevel } from './world.js'

/** The app as GitHub registered it from a manifest: what later installations are granted, where webhooks go. */
export interface RegisteredApp {
  id: number
  slug: string
  name: string
  /** The account that registered it (the organisation of `/organizations/{org}/settings/apps/new`, else the user). */
  ownerLogin: string
  ownerType: 'Organization' | 'User'
  permissions: Record<string, PermissionLevel>
  events: string[]
  hookUrl: string | undefined
  webhookSecret: string
  clientId: string
  clientSecret: string
  /** The private key's PEM, handed out once by the conversion, as GitHub does. */
  pem: string
  publicKey: KeyObject
  manifest: AppManifest
}

interface PendingManifest {
  manifest: AppManifest
  ownerLogin: string
  ownerType: 'Organization' | 'User'
  createdAtMs: number
}

/** GitHub: "you have one hour to complete the conversion" of a manifest's code. */
const CODE_LIFETIME_MS = 60 * 60 * 1000

/**
 * The manifest flow's state (https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest):
 * a submitted manifest waits under a one-time code until the app's server converts it into credentials.
 */
export class AppRegistrations {
  private readonly pending = new Map<string, PendingManifest>()
  /** Every app registered so far, oldest first. */
  readonly registered: RegisteredApp[] = []

  constructor(private readonly deps: { now: () => number; nextAppId: () => number }) {}

  /** Keeps a validated manifest and returns the code GitHub puts on the redirect. */
  submit(manifest: AppManifest, owner: { login: string; type: 'Organization' | 'User' }): string {
    const code = randomBytes(10).toString('hex')
    this.pending.set(code, { manifest, ownerLogin: owner.login, ownerType: owner.type, createdAtMs: this.deps.now() })
    return code
  }

  /** Whether an app of this name exists (GitHub compares names without regard to case). */
  isNameTaken(name: string): boolean {
    return this.registered.some((app) => app.name.toLowerCase() === name.toLowerCase()) || [...this.pending.values()].some((pending) => pending.manifest.name.toLowerCase() === name.toLowerCase())
  }

  /** The app for a code, once: a second conversion, or one after an hour, finds nothing (GitHub's 404). */
  convert(code: string): RegisteredApp | undefined {
    const pending = this.pending.get(code)
    this.pending.delete(code)
    if (pending === undefined || this.deps.now() - pending.createdAtMs > CODE_LIFETIME_MS) return undefined
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const id = this.deps.nextAppId()
    const app: RegisteredApp = {
      id,
      slug: slugOf(pending.manifest.name),
      name: pending.manifest.name,
      ownerLogin: pending.ownerLogin,
      ownerType: pending.ownerType,
      permissions: { ...pending.manifest.permissions },
      events: [...pending.manifest.events],
      hookUrl: pending.manifest.hookUrl,
      webhookSecret: randomBytes(20).toString('hex'),
      clientId: `Iv23${randomBytes(8).toString('hex')}`,
      clientSecret: randomBytes(20).toString('hex'),
      pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      publicKey,
      manifest: pending.manifest,
    }
    this.registered.push(app)
    return app
  }
}

/** GitHub's slug of an app name: lower case, every run of other characters one hyphen. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
