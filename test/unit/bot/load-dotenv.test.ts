import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InvalidInputError } from '../../../src/errors.js'
import { loadDotenv } from '../../../bot/settings/load-dotenv.js'

describe('reading .env', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'guard-dotenv-unit-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the quoted multi-line key Probot writes at registration, and nothing when there is no file', () => {
    expect(loadDotenv(dir)).toEqual({})
    writeFileSync(join(dir, '.env'), 'APP_ID=42\nPRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----"\nWEBHOOK_SECRET=s3cret')
    expect(loadDotenv(dir)).toEqual({ APP_ID: '42', PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----', WEBHOOK_SECRET: 's3cret' })
  })

  it('says what to do when .env is a directory (Docker made one for a bind mount of a missing file)', () => {
    mkdirSync(join(dir, '.env'))
    expect(() => loadDotenv(dir)).toThrow(InvalidInputError)
    expect(() => loadDotenv(dir)).toThrow(`The bot cannot read ${join(dir, '.env')}: it is a directory (a bind mount of a file that did not exist on the host). Make the file readable`)
  })
})
