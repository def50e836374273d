/**
 * 53-bit content hash of a block (cyrb53, bryc 2018: two 32-bit multiply-xorshift lanes). Only
 * compared between blocks of the same entity, dataset and handling code, so a false match needs two
 * different contents of one entity to collide: about 1 in 2^53.
 */
export class Hash53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  reset(): void {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
  }

  add(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // A separator after every field keeps ("ab","c") apart from ("a","bc").
    this.h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    this.h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }

  /** Same as `add("\u0000" + s)`, without building the string. */
  addMarked(s: string): void {
    this.h1 = Math.imul(this.h1, 2654435761);
    this.h2 = Math.imul(this.h2, 1597334677);
    this.add(s);
  }

  /** Same as `add("")`: only the field separator. */
  addEmpty(): void {
    this.h1 = Math.imul(this.h1 ^ 0x1f, 2654435761);
    this.h2 = Math.imul(this.h2 ^ 0x1f, 1597334677);
  }

  value(): number {
    return mix53(this.h1, this.h2);
  }
}

/** cyrb53's final avalanche of the two lanes into a 53-bit integer. */
export function mix53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
