// A stand-in for the LocalStack container, for e2e tests on machines that cannot reach a registry.
// It imitates what docs/facts.md §2 documents: credential checks, the exit-55 licence banner, /_localstack/info and
// /_localstack/health, and the `Ready.` marker. It never prints a credential, only whether one was set.
// Scripted behaviour (env): STANDIN_ACTIVATION_DELAY_MS (default 300), STANDIN_MODE = normal | crash | never-activate |
// license-rejected, STANDIN_CRASH_AFTER_MS (default 200), STANDIN_FAILURE (a licence failure reason, below) and
// STANDIN_LAYOUT (how it is printed).
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'

const env = process.env
const TOKEN_RE = /^ls[a-zA-Z]*-[a-zA-Z]{4}[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{12}$/
const SECRET_NAMES = new Set(['LOCALSTACK_AUTH_TOKEN', 'LOCALSTACK_API_KEY'])
const SYSTEM_NAMES = new Set(['PATH', 'HOSTNAME', 'HOME'])
const startedAt = Date.now()
const sessionId = createHash('md5').update(String(Math.random())).digest('hex')
let isActivated = false

const log = (line) => process.stdout.write(`${line}\n`)

function normalize(raw) {
  const trimmed = (raw ?? '').trim()
  const quoted = /^(["'])(.*)\1$/s.exec(trimmed)
  return (quoted?.[2] ?? trimmed).trim()
}

function hasValidChecksum(token) {
  const body = token.slice(token.indexOf('-') + 1)
  return createHash('md5').update(body.slice(0, -4)).digest('hex').slice(0, 4) === body.slice(-4)
}

// The documented licence failure reasons (how each exception's message begins in LocalStack's licensing client),
// selected with STANDIN_FAILURE=<name>.
const FAILURES = {
  'no-credentials':
    'No credentials were found in the environment. Please make sure to either set the LOCALSTACK_AUTH_TOKEN variable to a valid auth token. If you are using the CLI, you can also run `localstack auth set-token`.',
  'invalid-credentials': 'The credentials defined in your environment are invalid. Please make sure to set the LOCALSTACK_AUTH_TOKEN variable to a valid auth token.',
  'invalid-format': 'The auth token defined in LOCALSTACK_AUTH_TOKEN has an invalid format.',
  'server-unreachable': 'Could not reach the LocalStack licensing server at https://api.localstack.cloud/v1. Please check your network connection.',
  expired: 'The license has expired.',
  suspended: 'Expected license to be ACTIVE, was SUSPENDED',
  stale: 'Offline activation failed! The cached license is too old to be used offline.',
  'version-mismatch': 'The license file was created for a different LocalStack version (2025.12.0), but this is 2026.3.1.',
  'signature-mismatch': 'Calculated signature and license signature do not match.',
}

// LocalstackExit in runtime/main.py. STANDIN_LAYOUT picks how the reason is printed: 2026 (default: the 2026.03+
// layout users pasted from CI, the wrapper line ending empty and the reason below a blank line), legacy (the older
// banner with `Reason:` on one line) or one-line (the wrapper line alone).
function exitWithLicenceFailure(reason) {
  const layout = env.STANDIN_LAYOUT ?? '2026'
  if (layout === 'legacy') {
    log('===============================================')
    log('License activation failed! 🔑❌')
    log('')
    log(`Reason: ${reason}`)
    log('')
    log('Due to this error, Localstack has quit. LocalStack pro features can only be used with a valid license.')
    log('===============================================')
    log(`Localstack returning with exit code 55. Reason: ${reason}`)
  } else if (layout === 'one-line') {
    log(`Localstack returning with exit code 55. Reason: ${reason}`)
  } else {
    log('Localstack returning with exit code 55. Reason:')
    log('===============================================')
    log('The license activation failed for the following reason:')
    log('')
    log(reason)
    log('')
    log('LocalStack requires an account to run.')
    log('==> Have an account? Learn how to set LOCALSTACK_AUTH_TOKEN: https://app.localstack.cloud/settings/auth-tokens')
    log('==> Need an account? Get started: https://www.localstack.cloud/pricing')
    log('==> Want more time? Snooze until April 6, 2026 by setting LOCALSTACK_ACKNOWLEDGE_ACCOUNT_REQUIREMENT=1')
  }
  process.exit(55)
}

function logConfiguration() {
  for (const name of Object.keys(env).sort()) {
    if (SYSTEM_NAMES.has(name)) continue
    if (SECRET_NAMES.has(name)) log(`standin.config ${name} is ${normalize(env[name]) === '' ? 'unset' : 'set'}`)
    else log(`standin.config ${name}=${JSON.stringify(env[name])}`)
  }
}

function checkCredentials() {
  const failure = env.STANDIN_FAILURE
  if (failure !== undefined && failure !== '') {
    if (!Object.hasOwn(FAILURES, failure)) throw new Error(`stand-in: unknown STANDIN_FAILURE ${failure}`)
    exitWithLicenceFailure(FAILURES[failure])
  }
  const authToken = normalize(env.LOCALSTACK_AUTH_TOKEN)
  const apiKey = normalize(env.LOCALSTACK_API_KEY)
  if (authToken !== '' && apiKey !== '') {
    log('CredentialsFormatError: please specify either LOCALSTACK_API_KEY or LOCALSTACK_AUTH_TOKEN, not both')
    exitWithLicenceFailure('The credentials defined in your environment are invalid. please specify either LOCALSTACK_API_KEY or LOCALSTACK_AUTH_TOKEN, not both')
  }
  const credential = authToken || apiKey
  if (credential === '') exitWithLicenceFailure('No credentials were found in the environment. Please make sure to set the LOCALSTACK_AUTH_TOKEN environment variable.')
  if (!credential.startsWith('ls')) {
    log(`Activation key "..."(${credential.length}) is invalid or expired!`)
    exitWithLicenceFailure('The credentials defined in your environment are invalid. Legacy API keys no longer activate.')
  }
  if (!TOKEN_RE.test(credential) || !hasValidChecksum(credential)) {
    exitWithLicenceFailure('The auth token defined in LOCALSTACK_AUTH_TOKEN has an invalid format.')
  }
  // Stand-in for the licence server's answer (docs/facts.md §2.2: presence of CI counts, not its value).
  if (credential.startsWith('ls-') && env.CI !== undefined) {
    exitWithLicenceFailure('The credentials defined in your environment are invalid. Developer Auth Tokens cannot be used in CI.')
  }
}

function gatewayAddress() {
  const first = (env.GATEWAY_LISTEN ?? '').split(',')[0]?.trim() ?? ''
  const match = /^(?:(.*):)?(\d+)$/.exec(first)
  if (match === null) return { host: '0.0.0.0', port: 4566 }
  // `:4566` listens on every interface, as LocalStack does, so a port published on Docker's bridge reaches it.
  const host = match[1] === undefined || match[1] === '' ? '0.0.0.0' : match[1]
  return { host, port: Number(match[2]) }
}

function info() {
  return {
    version: '2026.3.1.dev3:standin',
    edition: 'pro',
    is_license_activated: isActivated,
    session_id: sessionId,
    machine_id: 'standin-machine',
    system: 'linux',
    is_docker: true,
    server_time_utc: new Date().toISOString(),
    uptime: Math.round((Date.now() - startedAt) / 1000),
  }
}

function handle(request, response) {
  const send = (status, body) => {
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body))
  }
  if (request.url === '/_localstack/info') return send(200, info())
  if (request.url === '/_localstack/health') {
    const state = isActivated ? 'available' : 'starting'
    return send(200, { services: { s3: state, sqs: state }, edition: 'pro', version: info().version, features: {} })
  }
  if (request.method === 'PUT') return createBucket(request, response)
  return send(404, { error: 'not found' })
}

// S3 CreateBucket, path style (PUT /demo) or virtual-host style (Host: demo.s3.localhost.localstack.cloud), for the
// README quick start: like the AWS CLI, it needs a SigV4 Authorization header; LocalStack checks no signature.
function createBucket(request, response) {
  const host = (request.headers.host ?? '').split(':')[0]
  const virtual = /^([a-z0-9.-]+)\.s3\.localhost\.localstack\.cloud$/.exec(host)
  const bucket = virtual?.[1] ?? decodeURIComponent((request.url ?? '/').split('?')[0].slice(1))
  const credential = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/s3\/aws4_request/.exec(request.headers.authorization ?? '')
  if (credential === null || bucket === '') {
    response.writeHead(403, { 'content-type': 'application/xml' })
    return response.end('<Error><Code>AccessDenied</Code><Message>missing or malformed SigV4 Authorization</Message></Error>')
  }
  log(`standin.s3 CreateBucket bucket=${bucket} access-key=${credential[1]} region=${credential[2]} host=${host}`)
  response.writeHead(200, { location: `/${bucket}` })
  response.end()
}

function activateLater(mode) {
  const delayMs = Number(env.STANDIN_ACTIVATION_DELAY_MS ?? '300')
  if (mode === 'crash') {
    setTimeout(() => {
      log('Traceback (most recent call last):')
      log('RuntimeError: stand-in crash requested by STANDIN_MODE=crash')
      process.exit(1)
    }, Number(env.STANDIN_CRASH_AFTER_MS ?? '200'))
    return
  }
  if (mode === 'never-activate') return
  setTimeout(() => {
    if (mode === 'license-rejected') exitWithLicenceFailure('Expected license to be ACTIVE, was SUSPENDED')
    isActivated = true
    log('Successfully activated license standin-licence:ci 🔑✅')
    log('Ready.')
  }, delayMs)
}

function main() {
  log('LocalStack version: 2026.3.1.dev3 (stand-in)')
  logConfiguration()
  checkCredentials()
  const { host, port } = gatewayAddress()
  const server = createServer(handle)
  server.on('error', (error) => {
    log(`OSError: [Errno 98] Address already in use: ${host}:${port} (${error.code})`)
    process.exit(1)
  })
  server.listen(port, host, () => {
    log(`standin.listening ${host}:${port}`)
    activateLater(env.STANDIN_MODE ?? 'normal')
  })
  // PID 1 in a container gets no default signal handlers: stop promptly on `docker stop`.
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0))
}

main()
