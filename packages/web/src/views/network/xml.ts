/** XML text escaping shared by the GraphML and ANX writers. */

/** Characters XML 1.0 forbids anywhere (control characters other than tab, LF, CR). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for an element's content or a double-quoted attribute. */
export function esc(s: string): string {
  return s.replace(INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** The graph an export writes: the nodes and edges in view, positions when laid out. */
export interface ExportGraph {
  nodes: { id: string; label: string; schema: string; x?: number | undefined; y?: number | undefined }[];
  edges: { source: string; target: string; type: string; directed: boolean; weight: number; amount?: number | undefined; start?: string | undefined; end?: string | undefined }[];
}
