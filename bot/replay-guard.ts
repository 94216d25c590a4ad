/**
 * Replay detection. GitHub's redeliveries keep their `X-GitHub-Delivery` id (the delivery ledger makes them
 * harmless), and two real deliveries never carry the same bytes: payloads hold the delivery's own data (shas,
 * timestamps, hook ids). So the same signed body under a new delivery id is a replay of a captured request, and is
 * refused (409) for `windowMs` after it was first seen. The signature stands for the body: it is the HMAC of it.
 *
 * The memory is per process (a replica does not see another's) and bounded: the oldest entries go first.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, { deliveryId: string; atMs: number }>()

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 50_000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Records the delivery, and says whether it replays an earlier one (same body, another id, within the window). */
  isReplay(signature: string, deliveryId: string): boolean {
    const now = this.nowMs()
    this.forgetOlderThan(now - this.windowMs)
    const earlier = this.seen.get(signature)
    if (earlier !== undefined) return earlier.deliveryId !== deliveryId
    if (this.seen.size >= this.maxEntries) this.seen.delete(this.seen.keys().next().value ?? '')
    this.seen.set(signature, { deliveryId, atMs: now })
    return false
  }

  /** Entries are kept in insertion order, which is time order: stop at the first recent one. */
  private forgetOlderThan(cutoffMs: number): void {
    for (const [signature, entry] of this.seen) {
      if (entry.atMs >= cutoffMs) return
      this.seen.delete(signature)
    }
  }
}
