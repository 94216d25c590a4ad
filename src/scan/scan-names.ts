import { redactTokenShapes } from '../tokens/redact-token-shapes.js'
import type { Finding, ScanOptions } from './finding.js'
import { scanText } from './text-scanner.js'

/**
 * What a push writes besides file contents: file names, the ref and commit messages are pushed to GitHub too, so a
 * token in one of them has leaked as surely as one in a file. Each is scanned as text, and its findings name the
 * place with token shapes redacted (the name itself may be the token).
 */
export interface PushedNames {
  readonly ref?: string
  readonly messages?: readonly { readonly commit: string; readonly text: string }[]
  readonly paths?: readonly { readonly commit: string; readonly path: string }[]
}

/** How findings in a ref and in a commit message are labelled, in place of a file path. */
export const REF_LABEL = '(ref name)'
export const MESSAGE_LABEL = '(commit message)'

/** Findings in the names of a push; a file-name finding's `file` is the redacted path. */
export function scanNames(names: PushedNames, options: ScanOptions = {}): Finding[] {
  const findings: Finding[] = []
  const add = (text: string, source: { file: string; commit?: string }) => {
    for (const finding of scanText(text, source, options)) findings.push(finding)
  }
  if (names.ref !== undefined) add(names.ref, { file: `${REF_LABEL} ${redactTokenShapes(names.ref)}` })
  for (const { commit, text } of names.messages ?? []) add(text, { file: MESSAGE_LABEL, commit })
  for (const { commit, path } of names.paths ?? []) if (path.includes('-')) add(path, { file: redactTokenShapes(path), commit })
  return findings
}
