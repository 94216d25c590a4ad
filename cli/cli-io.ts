/** The environment variables the CLI hands to the programs it runs (git); read only in `cli/main.ts`. */
export type Env = Readonly<Record<string, string | undefined>>

/** A stream that may be a terminal (`process.stdin`, `process.stderr`). */
export interface MaybeTty {
  readonly isTTY?: boolean
}

/** Everything the CLI takes from its process, passed in once so tests can run it with plain streams. */
export interface CliIo {
  readonly argv: readonly string[]
  readonly env: Env
  readonly cwd: string
  /** `setRawMode` (a terminal's) lets `token` read with echo off. */
  readonly stdin: NodeJS.ReadableStream & MaybeTty & { setRawMode?(isRaw: boolean): unknown }
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WritableStream & MaybeTty
  /** The CLI's entry file (`process.argv[1]`), run again as the scan worker threads; without it, no threads. */
  readonly entryScript?: string | undefined
  /** Monotonic milliseconds; defaults to `performance.now`. */
  readonly now?: () => number
}
