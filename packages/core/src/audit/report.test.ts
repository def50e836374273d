import { describe, expect, it } from "vitest";
import { GENESIS, linkAudit } from "./chain";
import { auditCsv, auditHtml, csvField } from "./report";
import type { AuditEntry, AuditRecord } from "./types";

const e: AuditEntry = { at: "2026-06-01T10:00:00.000Z", actor: "anna", agency: "A", purpose: "case:OP-1", action: "search", query: '=HYPERLINK("x"), <script>alert(1)</script>', resultIds: ["e1", "e2"], recipients: ["B"] };
const rec: AuditRecord = { ...e, seq: 1, prevHash: GENESIS, hash: linkAudit(GENESIS, 1, e) };
async function* one(): AsyncGenerator<AuditRecord> { yield rec; }
const text = async (g: AsyncIterable<string>) => { let s = ""; for await (const x of g) s += x; return s; };

describe("audit reports", () => {
  it("quotes CSV fields and defuses spreadsheet formulas", async () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("-2")).toBe("'-2");
    const csv = await text(auditCsv(one()));
    expect(csv.split("\r\n")).toEqual([
      "seq,at,actor,agency,purpose,action,query,results,recipients",
      `1,2026-06-01T10:00:00.000Z,anna,A,case:OP-1,search,"'=HYPERLINK(""x""), <script>alert(1)</script>",e1 e2,B`,
      "",
    ]);
  });

  it("writes a self-contained HTML page with every value escaped", async () => {
    const html = await text(auditHtml(one(), { title: "Who consulted e1", criteria: "entity=e1", generatedBy: "po <A>", generatedAt: "now", store: "s" }));
    expect(html).toContain("<td>=HYPERLINK(&quot;x&quot;), &lt;script&gt;alert(1)&lt;/script&gt;</td>");
    expect(html).toContain("po &lt;A&gt;");
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain("1 record.");
  });
});
