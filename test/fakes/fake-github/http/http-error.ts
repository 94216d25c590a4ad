import type { Violation } from './recorder.js'

const DOCS = 'https://docs.github.com/rest'

/** A field-level error of a `Validation Failed` body. */
export interface FieldError {
  resource: string
  code: string
  field?: string
  message?: string
}

/** Thrown by routes to answer with GitHub's error shape: `{message, documentation_url, status, errors?}`. */
export class HttpError extends Error {
  override name = 'HttpError' as const

  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message)
  }

  get body(): Record<string, unknown> {
    return errorBody(this.status, this.message, this.errors)
  }
}

/** A refusal that also means the app under test did something GitHub would not accept: recorded in `violations`. */
export class ViolationError extends HttpError {
  constructor(
    readonly kind: Violation['kind'],
    status: number,
    message: string,
  ) {
    super(status, message)
  }
}

export function errorBody(status: number, message: string, errors: FieldError[] = [], documentationUrl = DOCS): Record<string, unknown> {
  return { message, documentation_url: documentationUrl, status: String(status), ...(errors.length > 0 ? { errors } : {}) }
}

export function notFound(): HttpError {
  return new HttpError(404, 'Not Found')
}

/** GitHub's 422 for a field that fails a rule the schema cannot express (an existing label, an unknown sha). */
export function validationFailed(resource: string, code: string, field?: string, message?: string): HttpError {
  return new HttpError(422, 'Validation Failed', [
    { resource, code, ...(field === undefined ? {} : { field }), ...(message === undefined ? {} : { message }) },
  ])
}
