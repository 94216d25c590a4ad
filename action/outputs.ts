import * as core from './workflow-commands.js'
import type { StartedEmulator } from '../src/emulator/start-emulator.js'
import type { TokenKind } from '../src/tokens/index.js'

/** The outputs docs/design.md promises; every one is set on success, so `steps.<id>.outputs.*` is never undefined. */
export interface ActionOutputs {
  readonly 'endpoint-url': string
  readonly 'container-id': string
  readonly 'container-name': string
  readonly version: string
  readonly edition: string
  readonly 'license-activated': string
  readonly 'session-id': string
  readonly 'token-kind': string
  readonly 'startup-seconds': string
}

export function toOutputs(started: StartedEmulator, containerName: string, tokenKind: TokenKind): ActionOutputs {
  return {
    'endpoint-url': started.endpointUrl,
    'container-id': started.containerId,
    'container-name': containerName,
    version: started.info?.version ?? '',
    edition: started.info?.edition ?? '',
    'license-activated': started.info === undefined ? 'unknown' : String(started.info.isLicenseActivated),
    'session-id': started.info?.sessionId ?? '',
    'token-kind': tokenKind,
    'startup-seconds': (started.startupMs / 1000).toFixed(2),
  }
}

export function setOutputs(outputs: ActionOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/** The job summary: one small table. */
export function writeSummary(outputs: ActionOutputs, image: string): void {
  const licence = { true: 'activated', false: 'not activated', unknown: 'not checked (skip-wait)' }[outputs['license-activated']] ?? outputs['license-activated']
  const headers = ['image', 'version', 'edition', 'token kind', 'licence', 'startup', 'endpoint']
  const cells = [image, outputs.version || '–', outputs.edition || '–', outputs['token-kind'], licence, `${outputs['startup-seconds']} s`, outputs['endpoint-url']]
  const row = (tag: string, values: string[]): string => `<tr>${values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('')}</tr>`
  core.appendSummary(`<h3>LocalStack</h3>\n<table>${row('th', headers)}${row('td', cells)}</table>`)
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
