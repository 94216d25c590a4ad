/**
 * Turns offsets into 1-based line and column numbers while text streams past. Offsets must be asked in
 * non-decreasing order; each character is counted once, so the cost is linear in the input.
 */
export class LineTracker {
  /** Absolute offset up to which newlines have been counted. */
  private countedTo = 0
  private line = 1
  /** Absolute offset of the first character of `line`. */
  private lineStart = 0

  /**
   * Counts newlines up to absolute offset `target`, reading them from `text`, which starts at absolute offset `base`.
   */
  advance(text: string, base: number, target: number): void {
    if (target <= this.countedTo) return
    let index = text.indexOf('\n', this.countedTo - base)
    while (index >= 0 && base + index < target) {
      this.line++
      this.lineStart = base + index + 1
      index = text.indexOf('\n', index + 1)
    }
    this.countedTo = target
  }

  /** Line and column of absolute `offset`, after `advance` reached it. */
  position(offset: number): { line: number; column: number } {
    return { line: this.line, column: offset - this.lineStart + 1 }
  }
}
