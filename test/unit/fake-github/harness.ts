import { createSign } from 'node:crypto'
import { Octokit } from '@octokit/rest'
import { FakeClock } from '../../fakes/fake-clock.js'
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type FakeRepository } from '../../fakes/fake-github/index.js'
import { generateTestAppKey, type TestAppKey } from '../../support/generate-test-app-key.js'

export const APP_ID = 4242
export const INSTALLATION_ID = 77

let key: TestAppKey | undefined

/** One key pair per test process: RSA generation is the slow part. */
export function appKey(): TestAppKey {
  key ??= generateTestAppKey()
  return key
}

/** An RS256 app JWT, signed by hand so the tests do not depend on Octokit's signer. */
export function appJwt(privateKeyPem: string, appId = APP_ID): string {
  const nowSeconds = Math.floor(Date.now() / 1000)
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat: nowSeconds - 30, exp: nowSeconds + 540, iss: appId })}`
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKeyPem, 'base64url')}`
}

export interface Harness {
  gh: FakeGitHub
  repo: FakeRepository
  clock: FakeClock
  octokit: Octokit
  token: string
}

/** A fake GitHub with `acme/widgets` (one commit on `main`) installed as `INSTALLATION_ID`, and an Octokit for it. */
export async function startHarness(options: Partial<FakeGitHubOptions> = {}): Promise<Harness> {
  const clock = new FakeClock(Date.UTC(2026, 0, 1))
  const gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, clock, ...options })
  const repo = gh.createRepository('acme/widgets', { defaultBranch: 'main' })
  repo.commit({ files: { 'README.md': '# widgets\n' }, message: 'Initial commit' })
  gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: [repo] })
  const { octokit, token } = await installationOctokit(gh, INSTALLATION_ID)
  return { gh, repo, clock, octokit, token }
}

/** An installation token from the fake (exchanged with a hand-signed app JWT) and an Octokit that uses it. */
export async function installationOctokit(gh: FakeGitHub, installationId: number): Promise<{ octokit: Octokit; token: string }> {
  const response = await fetch(`${gh.apiUrl}/app/installations/${installationId}/access_tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${appJwt(appKey().privateKeyPem)}`, accept: 'application/vnd.github+json' },
    signal: AbortSignal.timeout(5000),
  })
  const { token } = (await response.json()) as { token: string }
  // Octokit's own retry and throttling are not in @octokit/rest: every refusal reaches the test as an error.
  const octokit = new Octokit({ auth: token, baseUrl: gh.apiUrl, log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } })
  return { octokit, token }
}

/** The status of a request expected to fail. */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise
    return 200
  } catch (error: unknown) {
    return (error as { status?: number }).status ?? -1
  }
}

/** What a refused request looked like to Octokit. */
export interface Failure {
  status: number
  message: string
  headers: Record<string, string | undefined>
  data: { message?: string }
}

/** Awaits a request expected to fail and returns what Octokit's `RequestError` carried. */
export async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise
  } catch (error: unknown) {
    const requestError = error as { status: number; message: string; response?: { headers: Record<string, string | undefined>; data: unknown } }
    return { status: requestError.status, message: requestError.message, headers: requestError.response?.headers ?? {}, data: (requestError.response?.data ?? {}) as { message?: string } }
  }
  throw new Error('the request succeeded, but the test expected a refusal')
}
