import sodiumModule from 'libsodium-wrappers'

const sodium = sodiumModule

/** A repository's Actions secrets, sealed with a real libsodium key pair as GitHub does (docs/facts.md §5). */
export interface SecretRecord {
  name: string
  createdAt: Date
  updatedAt: Date
  /** The decrypted value, for assertions: GitHub itself never returns it. `undefined` for secrets seeded by name. */
  value: string | undefined
}

/** Waits for libsodium's WebAssembly to load; call once before creating a `SecretStore`. */
export async function sodiumReady(): Promise<void> {
  await sodium.ready
}

export class SecretStore {
  readonly secrets = new Map<string, SecretRecord>()
  readonly keyId: string
  private readonly keyPair: { publicKey: Uint8Array; privateKey: Uint8Array }

  constructor(keyId: string) {
    this.keyId = keyId
    this.keyPair = sodium.crypto_box_keypair()
  }

  /** The public key as `GET …/actions/secrets/public-key` returns it: standard base64. */
  get publicKeyBase64(): string {
    return sodium.to_base64(this.keyPair.publicKey, sodium.base64_variants.ORIGINAL)
  }

  /** Opens a sealed box; `undefined` when it was not sealed for this key. */
  open(encryptedValue: string): string | undefined {
    try {
      const sealed = sodium.from_base64(encryptedValue, sodium.base64_variants.ORIGINAL)
      return sodium.to_string(sodium.crypto_box_seal_open(sealed, this.keyPair.publicKey, this.keyPair.privateKey))
    } catch {
      return undefined
    }
  }

  /** Creates or updates a secret; returns whether it was new. */
  put(name: string, value: string | undefined, at: Date): boolean {
    const existing = this.secrets.get(name.toUpperCase())
    if (existing) {
      existing.value = value
      existing.updatedAt = at
      return false
    }
    this.secrets.set(name.toUpperCase(), { name: name.toUpperCase(), createdAt: at, updatedAt: at, value })
    return true
  }
}
