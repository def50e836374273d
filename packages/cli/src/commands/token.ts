import type { Command } from "commander";
import { accounts as acc } from "@vizier/core";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier token create|list|revoke` — API tokens (`vz_…`), stored hashed, shown once (docs/accounts.md). */
export function registerToken(program: Command, env: Env): void {
  const t = program.command("token").description("API tokens for the HTTP API and for the CLI on a PostgreSQL store (VIZIER_TOKEN)");

  t.command("create")
    .description("create a token for yourself (administrators: --user for someone else); the token is printed once")
    .option("--name <name>", "what the token is for", "cli")
    .option("--expires <lifetime>", "lifetime: 90d, 12h, 30m or never", "90d")
    .option("--user <name>", "whose token (administrators only)")
    .addHelpText("after", "\nExamples:\n  vizier token create --name laptop --expires 30d\n  export VIZIER_TOKEN=$(vizier token create --name ci --json | jq -r .secret)")
    .action(async (o: { name: string; expires: string; user?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const lifetimeMs = acc.parseLifetime(o.expires);
      await withRuntime(g, env, async (rt) => {
        const made = await acc.createToken(rt.adminCtx("token-administration"), { accounts: rt.accounts, audit: rt.svc.store }, {
          name: o.name, ...(o.user === undefined ? {} : { userId: o.user }), ...(lifetimeMs === undefined ? {} : { lifetimeMs }),
        });
        emit(g.json, made, () => [
          `Token ${made.token.id} "${made.token.name}" for ${made.token.userId}, ${made.token.expiresAt ? `expires ${made.token.expiresAt}` : "never expires"}.`,
          "The token (shown only now; Vizier keeps only its hash):",
          `  ${made.secret}`,
        ].join("\n"));
      });
    });

  t.command("list")
    .description("your tokens (administrators: --user <name> or --all)")
    .option("--user <name>", "another user's tokens (administrators)")
    .option("--all", "everyone's tokens (administrators)")
    .action(async (o: { user?: string; all?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const list = await acc.listTokens(rt.adminCtx("token-administration"), { accounts: rt.accounts, audit: rt.svc.store }, o.all ? "all" : o.user);
        const now = new Date().toISOString();
        const status = (x: acc.TokenView) => (x.revokedAt ? "revoked" : x.expiresAt && x.expiresAt <= now ? "expired" : "active");
        emit(g.json, list, () => list.length === 0 ? "No tokens." : table(["id", "user", "name", "status", "created", "expires", "last used"],
          list.map((x) => [x.id, x.userId, x.name, status(x), x.createdAt, x.expiresAt ?? "never", x.lastUsedAt ?? "-"])));
      });
    });

  t.command("revoke <id>")
    .description("revoke a token (your own, or anyone's for administrators); it stops working at once")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const tok = await acc.revokeToken(rt.adminCtx("token-administration"), { accounts: rt.accounts, audit: rt.svc.store }, id);
        emit(g.json, tok, () => `Token ${tok.id} of ${tok.userId} revoked.`);
      });
    });
}
