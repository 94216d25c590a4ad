/**
 * Text that came from a push (file names, refs, commit messages, logins) is data, never Markdown: a file name with a
 * newline must not start a heading, and one with `](https://…)` must not become a link. GitHub Flavored Markdown
 * treats a backslash before any ASCII punctuation as a literal (GFM spec, "Backslash escapes"), so every punctuation
 * character is escaped, control characters (newlines included) become visible `\uXXXX` text, and `@` cannot mention.
 */
export function escapeMarkdown(text: string): string {
  const punctuationEscaped = text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
  // After the punctuation pass, so the backslash of `\u000a` stays one visible backslash.
  const visible = escapePlainText(punctuationEscaped).replace(/[\u200b-\u200f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  // A zero-width space after `@` keeps GitHub from turning pushed text into a mention that notifies someone.
  return visible.replaceAll('\\@', '@&#8203;')
}

/** A path inside a URL: each segment percent-encoded, so no character of a file name can end the link. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/').replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * Plain text for fields GitHub does not render as Markdown (check-run annotation titles and messages): control
 * characters are made visible so a file name cannot fake a second line.
 */
export function escapePlainText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be made visible
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
