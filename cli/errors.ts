import { GuardError } from '../src/errors.js'

/** A git command the CLI ran failed (not a repository, a bad RANGE, git missing). */
export class GitCommandError extends GuardError {
  readonly code = 'git-failed'
  override name = 'GitCommandError' as const
}

/** The report could not be written to `--output FILE`. */
export class OutputWriteError extends GuardError {
  readonly code = 'output-unwritable'
  override name = 'OutputWriteError' as const
}
