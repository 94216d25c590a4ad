import { InvalidInputError } from '../src/errors.js'

/** Strict booleans (docs/style.md §5): the YAML 1.2 core forms `core.getBooleanInput` accepts, nothing coerced. */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InvalidInputError(`Input ${name} is invalid: got "${clip(raw)}". It accepts true or false.`)
}

/** A positive duration in seconds, returned in milliseconds. */
export function parseSeconds(name: string, raw: string, fallbackSeconds: number): number {
  if (raw === '') return fallbackSeconds * 1000
  const seconds = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || seconds <= 0 || seconds > 3_600) {
    throw new InvalidInputError(`Input ${name} is invalid: got "${clip(raw)}". It accepts a number of seconds between 1 and 3600, such as 120.`)
  }
  return Math.round(seconds * 1000)
}

/** A Docker image repository (no tag: `image-tag` carries it) or a full reference with a tag or digest. */
export function parseImage(image: string, tag: string): string {
  if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(image)) {
    throw new InvalidInputError(`Input image is invalid: got "${clip(image)}". It accepts a repository such as localstack/localstack-pro.`)
  }
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) {
    throw new InvalidInputError(`Input image-tag is invalid: got "${clip(tag)}". It accepts a Docker tag such as latest or 2026.3.`)
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  return lastSegment.includes(':') || image.includes('@') ? image : `${image}:${tag}`
}

/** A Docker container name. */
export function parseContainerName(raw: string): string {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(raw)) {
    throw new InvalidInputError(`Input container-name is invalid: got "${clip(raw)}". It accepts letters, digits, _ . and -, such as localstack-main.`)
  }
  return raw
}

/** A Docker network name, or `host`; empty means Docker's default bridge. */
export function parseNetwork(raw: string): string | undefined {
  if (raw === '') return undefined
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(raw)) {
    throw new InvalidInputError(`Input network is invalid: got "${clip(raw)}". It accepts host, or the name of a Docker network.`)
  }
  return raw
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
