import { generateKeyPairSync } from 'node:crypto'

/** A GitHub App key pair made at test time: never commit a private key. */
export interface TestAppKey {
  /** PKCS#1 PEM (`-----BEGIN RSA PRIVATE KEY-----`), the format GitHub issues and Probot's `PRIVATE_KEY` takes. */
  privateKeyPem: string
  /** SPKI PEM, for the fake GitHub to verify app JWTs. */
  publicKeyPem: string
}

/** Generates a 2048-bit RSA key pair (about 50–200 ms: make one per test file, in `beforeAll`). */
export function generateTestAppKey(): TestAppKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  return { privateKeyPem: privateKey, publicKeyPem: publicKey }
}
