/** Progress on stderr: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise. */
export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private readonly tty: boolean;

  constructor(private readonly label: string, private readonly unit: string, private readonly quiet = false) {
    this.tty = Boolean(process.stderr.isTTY);
  }

  update(done: number, fraction: number | undefined, extra = ""): void {
    if (this.quiet) return;
    const now = Date.now();
    if (now - this.last < (this.tty ? 100 : 2000)) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = fraction && fraction > 0.001 ? secs * (1 - fraction) / fraction : undefined;
    const rateText = `${fmt(done)} ${this.unit}, ${fmt(rate)} ${this.unit}/s${eta !== undefined ? `, ETA ${duration(eta)}` : ""}${extra ? `, ${extra}` : ""}`;
    if (this.tty) {
      const width = 24;
      const filled = fraction === undefined ? 0 : Math.round(Math.min(1, fraction) * width);
      const bar = fraction === undefined ? "" : `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% `;
      process.stderr.write(`\r${this.label} ${bar}${rateText}\u001b[K`);
    } else {
      process.stderr.write(`${this.label}: ${fraction !== undefined ? `${(fraction * 100).toFixed(0)}% ` : ""}${rateText}\n`);
    }
  }

  done(summary: string): void {
    if (this.quiet) return;
    if (this.tty) process.stderr.write(`\r\u001b[K`);
    process.stderr.write(`${this.label}: ${summary} in ${duration((Date.now() - this.start) / 1000)}\n`);
  }
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function duration(s: number): string {
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${Math.round(s - 60 * m)}s`;
}
