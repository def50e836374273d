/** The API's shapes the core views read (structural subsets of the server's schemas). */
export interface Statement {
  id: string; entityId: string; schema: string; prop: string; propType: string; value: string; original: string;
  dataset: string; agency: string; legalBasis: string; purpose: string; handling: string; reliability: string;
  firstSeen: string; lastSeen: string; retentionUntil: string; runId: string; origin: string;
}
export interface Entity {
  id: string; schema: string; properties: Record<string, string[]>; datasets?: string[]; caption?: string;
  first_seen?: string; last_seen?: string;
}
export interface Withheld { entityId: string; agency: string; dataset: string; handling: string; count: number; props: string[] }
export interface EntityView { entity: Entity; statements: Statement[]; withheld: Withheld[] }
export interface DatasetInfo { name: string; label: string; agency: string; handling: string; legalBasis: string; compartment: string; description: string }
