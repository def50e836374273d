/** Growable typed-array buffers and the id interner used by the edge-list parser. */

export class IntBuf {
  a = new Int32Array(1 << 14);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) { const b = new Int32Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = x;
  }
  done(): Int32Array { return this.a.slice(0, this.n); }
}

export class FloatBuf {
  a = new Float64Array(1 << 14);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) { const b = new Float64Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = x;
  }
  done(): Float64Array { return this.a.slice(0, this.n); }
}

const DENSE_MAX = 1 << 26;

/**
 * Numbers node ids in order of first appearance. Canonical non-negative integers ("0", "17", not
 * "017") are looked up in a dense array straight from the bytes, without making a string; other
 * ids go through a Map. Both paths agree because a canonical integer id never reaches the Map.
 */
export class Interner {
  readonly ids: string[] = [];
  private readonly byName = new Map<string, number>();
  private dense = new Int32Array(1024).fill(-1);

  constructor(private readonly buf: Uint8Array, private readonly decoder: { decode(b: Uint8Array): string }) {}

  /** Interns the id spelled by bytes [s, e). */
  intern(s: number, e: number): number {
    const buf = this.buf;
    if (e > s && e - s <= 8 && !(buf[s] === 48 && e - s > 1)) {
      let num = 0, i = s;
      for (; i < e; i++) {
        const c = (buf[i] as number) - 48;
        if (c < 0 || c > 9) break;
        num = num * 10 + c;
      }
      if (i === e && num < DENSE_MAX) return this.internNumber(num);
    }
    return this.internString(this.decoder.decode(buf.subarray(s, e)));
  }

  /** Interns an id given as a string (quoted CSV fields). */
  internString(name: string): number {
    if (/^(0|[1-9][0-9]{0,7})$/.test(name) && Number(name) < DENSE_MAX) return this.internNumber(Number(name));
    let i = this.byName.get(name);
    if (i === undefined) { i = this.ids.length; this.ids.push(name); this.byName.set(name, i); }
    return i;
  }

  private internNumber(num: number): number {
    if (num >= this.dense.length) {
      let len = this.dense.length;
      while (len <= num) len *= 2;
      const d = new Int32Array(Math.min(len, DENSE_MAX)).fill(-1);
      d.set(this.dense);
      this.dense = d;
    }
    let i = this.dense[num] as number;
    if (i < 0) { i = this.ids.length; this.ids.push(String(num)); this.dense[num] = i; }
    return i;
  }
}
