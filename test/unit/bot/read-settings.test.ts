import { InvalidInputError } from '../../../src/errors.js'
import { generateTestAppKey } from '../../support/generate-test-app-key.js'
import { generateToken } from '../../support/generate-token.js'
import { readSettings, type SettingsSources } from '../../../bot/settings/read-settings.js'

const KEY = generateTestAppKey().privateKeyPem
const CREDENTIALS = { APP_ID: '12345', PRIVATE_KEY: KEY, WEBHOOK_SECRET: 'a-webhook-secret-of-some-length' }

function sources(environment: Record<string, string | undefined>, dotenv: Record<string, string> = {}): SettingsSources {
  return { environment, dotenv, isReadableFile: (path) => path === '/keys/app.pem' }
}

function failure(environment: Record<string, string | undefined>, dotenv: Record<string, string> = {}): InvalidInputError {
  try {
    readSettings(sources(environment, dotenv))
  } catch (error: unknown) {
    if (error instanceof InvalidInputError) return error
    throw error
  }
  throw new Error('readSettings accepted the environment')
}

describe('the bot environment', () => {
  it('refuses a worker count that is not a number, in the product error shape', () => {
    const error = failure({ ...CREDENTIALS, GUARD_WORKERS: 'sixteen' })
    expect(error.code).toBe('invalid-input')
    expect(error.message).toBe(
      'The bot\'s environment is invalid: GUARD_WORKERS is "sixteen": expected a whole number from 1 to 256. Fix this variable in the environment or in .env (README: "Bot configuration"), then start the bot again.',
    )
  })

  it('lists every bad variable at once', () => {
    const error = failure({ ...CREDENTIALS, PORT: '70000', GHE_PROTOCOL: 'ftp', GUARD_JOB_ATTEMPTS: '2.5' })
    expect(error.message).toContain('PORT is "70000": expected a whole number from 1 to 65535')
    expect(error.message).toContain('GHE_PROTOCOL is "ftp": expected https or http')
    expect(error.message).toContain('GUARD_JOB_ATTEMPTS is "2.5"')
    expect(error.message).toContain('Fix these variables')
  })

  it('reads the leak response variables into one response setting, and never echoes their secrets', () => {
    const settings = readSettings(sources({ ...CREDENTIALS, GUARD_PUBLIC_URL: 'https://guard.example.com', GUARD_ROTATION_SECRET: 'rotation-secret-0123456789', GUARD_OUTBOUND_RETRY_MS: '50', GUARD_INCIDENT_WATCH_SECONDS: '0.5' }))
    expect(settings.response).toEqual({ publicUrl: 'https://guard.example.com', rotationSecret: 'rotation-secret-0123456789', retryBaseMs: 50, attempts: 4 })
    expect(settings.incidentWatchMs).toBe(500)
    const error = failure({ ...CREDENTIALS, GUARD_ALERT_SECRET: 'short-secret', GUARD_INCIDENT_WATCH_SECONDS: 'hourly' })
    expect(error.message).toContain('GUARD_ALERT_SECRET is (value not shown): is shorter than 16 characters')
    expect(error.message).not.toContain('short-secret')
    expect(error.message).toContain('GUARD_INCIDENT_WATCH_SECONDS is "hourly": expected a number of seconds')
  })

  it('refuses a misspelt GUARD_ variable instead of silently keeping the default', () => {
    expect(failure({ ...CREDENTIALS, GUARD_WORKER: '4' }).message).toContain('GUARD_WORKER is not a setting of the bot (known: ')
  })

  it('refuses to start an app without WEBHOOK_SECRET outside the explicit development mode', () => {
    const error = failure({ APP_ID: CREDENTIALS.APP_ID, PRIVATE_KEY: CREDENTIALS.PRIVATE_KEY, NODE_ENV: 'production' })
    expect(error.message).toMatch(/^The bot refuses to start without a webhook secret: WEBHOOK_SECRET is not set, .*Set WEBHOOK_SECRET .* or set NODE_ENV=development/)
    expect(() => readSettings(sources({ APP_ID: '1', PRIVATE_KEY: KEY }))).toThrow(/refuses to start without a webhook secret/)
  })

  it('accepts the insecure development secret only with NODE_ENV=development', () => {
    const settings = readSettings(sources({ APP_ID: '1', PRIVATE_KEY: KEY, NODE_ENV: 'development' }))
    expect(settings.isDevelopment).toBe(true)
    expect(settings.webhookSecret).toBe('development')
  })

  it('never echoes a credential, even a rejected one', () => {
    const error = failure({ ...CREDENTIALS, WEBHOOK_SECRET: 'short-secret' })
    expect(error.message).toContain('WEBHOOK_SECRET is (value not shown): is shorter than 16 characters')
    expect(error.message).not.toContain('short-secret')
  })

  it('reads .env the same way as the environment, with .env winning as Probot applies it', () => {
    const settings = readSettings(sources({ GUARD_WORKERS: '2', PORT: '8080' }, { ...CREDENTIALS, PORT: '3001' }))
    expect(settings.mode).toBe('app')
    expect(settings.workers).toBe(2)
    expect(settings.env['PORT']).toBe('3001')
    expect(settings.env['APP_ID']).toBe('12345')
    expect(() => readSettings(sources({ ...CREDENTIALS }, { GUARD_WORKERS: 'sixteen' }))).toThrow(/GUARD_WORKERS is "sixteen"/)
  })

  it('treats an empty value as unset and applies the documented defaults', () => {
    const settings = readSettings(sources({ ...CREDENTIALS, GUARD_WORKERS: '', REDIS_URL: '' }))
    expect(settings.workers).toBe(16)
    expect(settings.redisUrl).toBeUndefined()
    expect(settings.webhookPath).toBe('/api/github/webhooks')
    expect(settings.databasePath).toBe('data/localstack-guard.sqlite')
    expect(settings.webBaseUrl).toBe('https://github.com')
    expect(settings.job).toEqual({ maxAttempts: 8, retryBaseMs: 5000 })
  })

  it('checks that half-given credentials and a missing key file are reported', () => {
    expect(failure({ APP_ID: '1', WEBHOOK_SECRET: CREDENTIALS.WEBHOOK_SECRET }).message).toContain('APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is')
    expect(failure({ APP_ID: '1', PRIVATE_KEY_PATH: '/nowhere.pem', WEBHOOK_SECRET: CREDENTIALS.WEBHOOK_SECRET }).message).toContain('PRIVATE_KEY_PATH is "/nowhere.pem": no readable file there')
    expect(readSettings(sources({ APP_ID: '1', PRIVATE_KEY_PATH: '/keys/app.pem', WEBHOOK_SECRET: CREDENTIALS.WEBHOOK_SECRET })).mode).toBe('app')
  })

  it('serves the registration page without credentials, but not in production', () => {
    expect(readSettings(sources({})).mode).toBe('setup')
    expect(failure({ NODE_ENV: 'production' }).message).toMatch(/^The bot has no GitHub App credentials: /)
  })

  it('never shows a token pasted into a variable', () => {
    const pasted = generateToken('lsci-')
    const error = failure({ ...CREDENTIALS, LOG_LEVEL: pasted })
    expect(error.message).not.toContain(pasted)
    expect(error.message).toContain(`LOG_LEVEL is "${pasted.slice(0, 9)}****`)
  })

  it('refuses a private key that would not sign, naming the cause and never showing it', () => {
    const quoted = `"${KEY.replaceAll('\n', '\\n')}"`
    const fromEnvFile = failure({ ...CREDENTIALS, PRIVATE_KEY: quoted }).message
    expect(fromEnvFile).toContain("PRIVATE_KEY (value not shown) is wrapped in quotes, so it is not a PEM private key: Docker's --env-file keeps the quotes of .env; mount .env at /app/.env instead")
    expect(fromEnvFile).not.toContain(KEY.split('\n')[1])
    expect(failure({ ...CREDENTIALS, PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----' }).message).toContain('PRIVATE_KEY (value not shown) is not a PEM private key: paste the whole .pem file')
  })

  it('takes the key in the forms Probot takes: PEM, one line with \\n escapes, base64', () => {
    for (const form of [KEY, KEY.replaceAll('\n', '\\n'), Buffer.from(KEY).toString('base64')]) expect(readSettings(sources({ ...CREDENTIALS, PRIVATE_KEY: form })).mode).toBe('app')
  })
})
