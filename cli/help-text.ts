import type { HelpTopic } from './option-values.js'

const MAIN = `localstack-guard: find leaked LocalStack Auth Tokens and legacy API keys, and classify a token without showing it.

Usage:
  localstack-guard scan [PATH] [--git [RANGE] | --staged] [--format text|json|sarif] [--output FILE]
  localstack-guard token [--format text|json]
  localstack-guard --help | --version

Run "localstack-guard scan --help" or "localstack-guard token --help" for details.
`

const SCAN = `Usage: localstack-guard scan [PATH] [--git [RANGE] | --staged] [--format text|json|sarif] [--output FILE]

Scans PATH (default: the current directory) for LocalStack Auth Tokens (ls-..., lsci-...) whose checksum holds,
literal legacy API keys, and references to LOCALSTACK_API_KEY (migration findings).

What is scanned (one of):
  (default)       the working tree. Inside a git repository: the files git tracks plus the untracked files it
                  does not ignore. Outside one: every file under PATH (.git skipped, symbolic links not followed).
                  Binary files are skipped and counted.
  --git [RANGE]   the history: the lines every commit added, merge commits' own changes (conflict resolutions)
                  included, each finding with its commit. Without RANGE: every commit reachable from HEAD.
                  RANGE is anything git log accepts (main..feature, v1.0..HEAD, a branch name).
                  The argument after --git is taken as RANGE unless it starts with "-" or names an existing
                  directory (then it is PATH); write --git=RANGE to force a RANGE.
  --staged        the changes staged for the next commit (for pre-commit hooks).

Output:
  -f, --format    text (default), json, or sarif (SARIF 2.1.0 for GitHub code scanning)
  -o, --output    write the report to FILE instead of standard output

Configuration: .github/localstack-guard.yml under PATH (under the repository root with --git or --staged);
its ignore-paths and allow-fingerprints apply. An inline "localstack-guard:allow" comment suppresses its line.
No output ever contains a token: only its kind, a redacted form and its sha256 fingerprint.

Exit status: 0 no leak found (migration findings alone are reported and still exit 0);
             1 at least one leak; 2 a usage or runtime error (one line on standard error).
`

const TOKEN = `Usage: localstack-guard token [--format text|json]

Reads one token on standard input and prints its kind and validity, never the token. For example:
  printf '%s' "$LOCALSTACK_AUTH_TOKEN" | localstack-guard token

  -f, --format    text (default) or json ({"kind": ..., "isValid": ...})

Kinds: ci-token (lsci-), developer-token (ls-), auth-token (another ls...- prefix), malformed (token-shaped but
the checksum or shape is wrong), legacy-key (no ls...- prefix; legacy API keys are phased out and stop activating).

Exit status: 0 a checksum-valid Auth Token; 1 malformed, or a legacy API key; 2 nothing on standard input, or a usage error.
`

const TEXTS: Readonly<Record<HelpTopic, string>> = { main: MAIN, scan: SCAN, token: TOKEN }

/** The `--help` text of a topic. */
export function helpText(topic: HelpTopic): string {
  return TEXTS[topic]
}
