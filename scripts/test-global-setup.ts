/** Vitest global setup placeholder; the PostgreSQL test server is started here (see pg-test-server). */
export default function setup(): void {}
