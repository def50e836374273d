import { Hash53, mix53 } from "./hash";

/**
 * The entities of one ingest run and whether any of them got blocks from more than one source
 * row (the only entities whose values can conflict), tracked while the run is written instead of
 * by sorting the whole stage at the end.
 *
 * An open-addressing table of fixed-size slots: 53 + 32 bits of two independent hashes of the
 * entity id (cyrb53 and FNV-1a, in one pass; a false match between two ids needs both to collide:
 * about 1 in 2^85) and a 53-bit hash of the first origin. 24 bytes per entity, so ten million entities take ~480 MB of one typed
 * array at most (resized at half load), and no strings are kept except the ids of entities seen
 * from two origins. Those are exact: a hash collision of two origins could only hide a second
 * origin (1 in 2^53), never invent one.
 */
export class EntityOrigins {
  /**
   * Slot i is `slots[3i .. 3i + 2]`: id hash (53 bits, + 1 so that 0 marks an empty slot), second
   * id hash (32 bits) and origin hash. One array, so a probe touches one cache line instead of one
   * in each of three arrays: with ids in random order nearly every probe is a cache miss.
   */
  private slots: Float64Array;
  private mask: number;
  private count = 0;
  private readonly multi = new Set<string>();
  private readonly h = new Hash53();

  constructor(capacity = 1 << 16) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.slots = new Float64Array(size * 3);
    this.mask = size - 1;
  }

  /** Records that `entityId` got a block from `origin`. */
  add(entityId: string, origin: string): void {
    // Both hashes of the id in one pass over its characters.
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    let f = 0x811c9dc5;
    for (let j = 0; j < entityId.length; j++) {
      const c = entityId.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
      f = Math.imul(f ^ c, 16777619);
    }
    const k = mix53(h1, h2) + 1; // 0 marks an empty slot
    const k2 = f >>> 0;
    const h = this.h;
    h.reset();
    h.add(origin);
    const o = h.value();
    const slots = this.slots;
    let i = (k2 ^ (k % 0x7fffffff)) & this.mask;
    for (;;) {
      const at = i * 3;
      const key = slots[at]!;
      if (key === 0) {
        slots[at] = k;
        slots[at + 1] = k2;
        slots[at + 2] = o;
        if (++this.count * 2 > this.mask + 1) this.grow();
        return;
      }
      if (key === k && slots[at + 1] === k2) {
        if (slots[at + 2] !== o) this.multi.add(entityId);
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Distinct entities recorded. */
  get size(): number {
    return this.count;
  }

  /** Entities recorded with more than one origin, in first-seen order of their second origin. */
  multiOrigin(): string[] {
    return [...this.multi];
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = (this.slots = new Float64Array(size * 3));
    this.mask = size - 1;
    for (let j = 0; j < old.length; j += 3) {
      const k = old[j]!;
      if (k === 0) continue;
      const k2 = old[j + 1]!;
      let i = (k2 ^ (k % 0x7fffffff)) & this.mask;
      while (slots[i * 3] !== 0) i = (i + 1) & this.mask;
      slots[i * 3] = k;
      slots[i * 3 + 1] = k2;
      slots[i * 3 + 2] = old[j + 2]!;
    }
  }
}
