/**
 * Turns offsets into 1-based line and column numbers while text streams past. Offsets must be asked in
 * non-decreasing order; each character is read at most once, so the cost is linear in the input, however long a line
 * is (a minified file of megabytes on one line, with a hit every few characters).
 */
export class LineTracker {
  /** Absolute offset up to which newlines have been counted. */
  private countedTo = 0
  private line = 1
  /** Absolute offset of the first character of `line`. */
  private lineStart = 0
  /**
   * Absolute offset up to which the text is known to hold no newline past `countedTo`: the end of the last search.
   * Without it every hit on a long line would search to the line's end again, which is quadratic.
   */
  private searchedTo = 0
  /** Absolute offset of the next newline found by that search, or -1 when the search ran out of text. */
  private nextNewline = -1
  /** Characters read by newline searches: the work, which tests compare across input sizes. */
  private read = 0

  /**
   * Counts newlines up to absolute offset `target`, reading them from `text`, which starts at absolute offset `base`.
   */
  advance(text: string, base: number, target: number): void {
    if (target <= this.countedTo) return
    for (;;) {
      if (this.nextNewline < this.countedTo) {
        // No newline is pending: read on only if the text past the last search can matter.
        if (this.searchedTo >= target) break
        this.search(text, base)
        if (this.nextNewline < this.countedTo) break
      }
      if (this.nextNewline >= target) break
      this.line++
      this.lineStart = this.nextNewline + 1
      this.countedTo = this.nextNewline + 1
    }
    this.countedTo = Math.max(this.countedTo, target)
  }

  /** Finds the next newline at or after `countedTo`, never reading a character twice. */
  private search(text: string, base: number): void {
    const from = Math.max(0, Math.max(this.countedTo, this.searchedTo) - base)
    const index = text.indexOf('\n', from)
    this.read += (index < 0 ? text.length : index + 1) - Math.min(from, text.length)
    if (index < 0) {
      this.nextNewline = -1
      this.searchedTo = Math.max(this.searchedTo, base + text.length)
    } else {
      this.nextNewline = base + index
      this.searchedTo = base + index + 1
    }
  }

  /** How many characters the newline searches have read so far. */
  get charactersRead(): number {
    return this.read
  }

  /** Line and column of absolute `offset`, after `advance` reached it. */
  position(offset: number): { line: number; column: number } {
    return { line: this.line, column: offset - this.lineStart + 1 }
  }
}
