/** The outcome of cleaning one raw value: the normalised value, or why it was rejected. */
export type Cleaned = { ok: true; value: string } | { ok: false; reason: string };

export const ok = (value: string): Cleaned => ({ ok: true, value });
export const fail = (reason: string): Cleaned => ({ ok: false, reason });
