/**
 * A bounded memo for pure per-value work (cleaning, id hashing) that switches itself off when
 * the values rarely repeat. Source columns such as country, legal form, dates or a company
 * repeated over its directors' rows repeat a lot; names and row ids do not, and for those the
 * map would only cost time and memory.
 */
export class Memo<V> {
  private map = new Map<string, V>();
  private lookups = 0;
  private hits = 0;
  private enabled = true;

  /** False once the memo switched itself off; callers can then skip building keys. */
  get active(): boolean {
    return this.enabled;
  }

  constructor(private readonly maxSize = 4096, private readonly probe = 2048, private readonly minHitRate = 0.25) {}

  /** The memoised value of `compute(key)`. */
  get(key: string, compute: (key: string) => V): V {
    if (!this.enabled) return compute(key);
    this.lookups++;
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.hits++;
      return hit;
    }
    const v = compute(key);
    if (this.map.size >= this.maxSize) this.map.clear(); // crude but O(1); the hot values return quickly
    this.map.set(key, v);
    if (this.lookups === this.probe) {
      if (this.hits < this.probe * this.minHitRate) {
        this.enabled = false;
        this.map = new Map();
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return v;
  }
}
