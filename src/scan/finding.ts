/** What a finding is about: a credential that leaked, or a use of the legacy variable that should be migrated. */
export type FindingCategory = 'leak' | 'migration'

/**
 * `developer-token`, `ci-token`, `auth-token` (an `ls…-` prefix of unknown kind), `legacy-key` (a literal value given
 * to the legacy variable) are leaks; `legacy-key-reference` (a reference to `LOCALSTACK_API_KEY`) is a migration item.
 */
export type FindingKind = 'developer-token' | 'ci-token' | 'auth-token' | 'legacy-key' | 'legacy-key-reference'

/** Where scanned text came from. */
export interface SourceRef {
  /** Path relative to the scanned root, with `/` separators. */
  readonly file: string
  /** The commit that introduced the text, for history and diff scans. */
  readonly commit?: string
}

/** One occurrence. Holds no raw token: only its redaction and fingerprint. */
export interface Finding {
  readonly category: FindingCategory
  readonly kind: FindingKind
  readonly file: string
  /** 1-based line in the file (the new file's line numbers for diffs). */
  readonly line: number
  /** 1-based column, in UTF-16 code units. */
  readonly column: number
  readonly commit?: string
  /** Safe to show: see `redactToken`; for a reference, the reference expression itself. */
  readonly redacted: string
  /** `sha256:<hex>` of the token (or of the reference expression, for a migration finding). */
  readonly fingerprint: string
}

/** Receives findings as a scan produces them. */
export type FindingSink = (finding: Finding) => void

/** Options every scan entry point accepts. */
export interface ScanOptions {
  /** Fingerprints allowed by configuration: findings with these are dropped. */
  readonly allowFingerprints?: ReadonlySet<string>
}

/** A streaming scanner: feed text in any chunking; findings arrive through the sink in order. */
export interface StreamScanner {
  write(chunk: string): void
  end(): void
}
