/** Growable columnar sink for generated transactions, with their ground-truth instance. */
export class TxSink {
  n = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  amount = new Float64Array(1024);
  time = new Float64Array(1024);
  /** Index into the instance list, or -1 for background. */
  instance = new Int32Array(1024);

  push(from: number, to: number, amount: number, time: number, instance = -1): void {
    if (this.n === this.from.length) this.grow();
    const i = this.n++;
    this.from[i] = from;
    this.to[i] = to;
    this.amount[i] = Math.max(0.01, Math.round(amount * 100) / 100);
    this.time[i] = Math.floor(time);
    this.instance[i] = instance;
  }

  private grow(): void {
    const c = this.from.length * 2;
    const f = new Int32Array(c); f.set(this.from); this.from = f;
    const t = new Int32Array(c); t.set(this.to); this.to = t;
    const a = new Float64Array(c); a.set(this.amount); this.amount = a;
    const s = new Float64Array(c); s.set(this.time); this.time = s;
    const g = new Int32Array(c); g.set(this.instance); this.instance = g;
  }
}
