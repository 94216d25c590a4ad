/** Where GitHub's secret scanning found a secret: a commit location. */
export interface AlertLocation {
  path: string
  commitSha: string
  blobSha: string
  startLine: number
  endLine: number
  startColumn: number
  endColumn: number
}

/** A secret scanning alert GitHub raised on the repository (the raw `secret` is readable through the REST API only). */
export interface SecretScanningAlertRecord {
  number: number
  secretType: string
  secretTypeDisplayName: string
  secret: string
  state: 'open' | 'resolved'
  createdAt: Date
  locations: AlertLocation[]
}
