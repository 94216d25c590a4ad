import { createPrivateKey } from 'node:crypto'

/**
 * Why `PRIVATE_KEY` would not sign the app's JWTs, or `undefined` when it would. The value is read as Probot reads it
 * (`@probot/get-private-key`: base64 is decoded, a literal `\n` is a line break), so a key Probot accepts passes; a
 * key that does not parse is refused at start rather than at the first API call, where it is a decoder error. The
 * value itself is never part of the answer.
 */
export function privateKeyProblem(value: string): string | undefined {
  let key = value.trim()
  if (/^[A-Za-z0-9+/=\s]+$/.test(key) && !key.includes('-----')) key = Buffer.from(key, 'base64').toString('utf8')
  key = key.replaceAll('\\n', '\n')
  try {
    createPrivateKey(key)
    return undefined
  } catch {
    const quoted = /^["']/.test(key)
    return quoted
      ? 'PRIVATE_KEY (value not shown) is wrapped in quotes, so it is not a PEM private key: Docker\'s --env-file keeps the quotes of .env; mount .env at /app/.env instead (README: "Running it")'
      : 'PRIVATE_KEY (value not shown) is not a PEM private key: paste the whole .pem file GitHub gave you, from -----BEGIN to -----END, or set PRIVATE_KEY_PATH to the file'
  }
}
