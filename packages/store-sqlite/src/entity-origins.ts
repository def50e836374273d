import { Hash53, mix53 } from "./hash";

/**
 * The entities of one ingest run and whether any of them got blocks from more than one source
 * row (the only entities whose values can conflict), tracked while the run is written instead of
 * by sorting the whole stage at the end.
 *
 * An open-addressing table of fixed-size slots: 53 + 32 bits of two independent hashes of the
 * entity id (cyrb53 and FNV-1a, in one pass; a false match between two ids needs both to collide:
 * about 1 in 2^85) and a 53-bit hash of the first origin. 24 bytes per entity, so ten million entities take ~480 MB of typed
 * arrays at most (resized at half load), and no strings are kept except the ids of entities seen
 * from two origins. Those are exact: a hash collision of two origins could only hide a second
 * origin (1 in 2^53), never invent one.
 */
export class EntityOrigins {
  private keys: Float64Array;
  private keys2: Uint32Array;
  private origins: Float64Array;
  private mask: number;
  private count = 0;
  private readonly multi = new Set<string>();
  private readonly h = new Hash53();

  constructor(capacity = 1 << 16) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keys = new Float64Array(size);
    this.keys2 = new Uint32Array(size);
    this.origins = new Float64Array(size);
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
    let i = (k2 ^ (k % 0x7fffffff)) & this.mask;
    for (;;) {
      const at = this.keys[i]!;
      if (at === 0) {
        this.keys[i] = k;
        this.keys2[i] = k2;
        this.origins[i] = o;
        if (++this.count * 2 > this.keys.length) this.grow();
        return;
      }
      if (at === k && this.keys2[i] === k2) {
        if (this.origins[i] !== o) this.multi.add(entityId);
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
    const { keys, keys2, origins } = this;
    const size = keys.length * 2;
    this.keys = new Float64Array(size);
    this.keys2 = new Uint32Array(size);
    this.origins = new Float64Array(size);
    this.mask = size - 1;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j]!;
      if (k === 0) continue;
      const k2 = keys2[j]!;
      let i = (k2 ^ (k % 0x7fffffff)) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.keys2[i] = k2;
      this.origins[i] = origins[j]!;
    }
  }
}
