/** The store-backed network: typed, weighted edges between readable entities (issue P4 item 1). */
import type { Period, RatesTable } from "@vizier/flows";

/** Edge types derived from relationship schemata, aggregated events and shared attributes. */
export const EDGE_TYPES = [
  // relationship (interval) schemata, one edge per relationship entity
  "Directorship", "Ownership", "Family", "Associate", "Membership", "Employment", "Representation", "UnknownLink",
  "Debt", "Succession", "Occupancy", "ContractAward", "CourtCaseParty", "ProjectParticipant", "Documentation",
  // events aggregated per pair and period
  "Payment", "Communication", "Shipment", "ShipmentVessel",
  // who holds which account or phone
  "AccountHolder", "PhoneOwner",
  // derived: two entities sharing an attribute value
  "SharedAddress", "SharedPhone", "SharedAccount", "SharedIdentifier",
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** A node: a readable entity (or an entity only referenced by readable data, schema from the reference). */
export interface NetworkNode {
  id: string;
  schema: string;
  label: string;
}

/** One typed, weighted edge. Aggregated edges carry their count and totals per period. */
export interface NetworkEdge {
  source: string;
  target: string;
  type: EdgeType;
  /** Whether the relation has a direction (Payment: payer → beneficiary); undirected pairs are stored lowest id first. */
  directed: boolean;
  /** Weight: number of relationships, payments, communications, shipments or shared values. */
  weight: number;
  count: number;
  /** Payments: sum in EUR. */
  amount?: number;
  /** Communications: summed duration in seconds, when known. */
  duration?: number;
  /** Aggregation period label (Payment, Communication, Shipment), "all" when not split. */
  period?: string;
  /** ISO dates of the earliest start and latest end seen on the edge's evidence. */
  start?: string;
  end?: string;
  /** Ids of the entities that make the edge (relationship, payment, call entities), or the shared value's kind. */
  evidence: string[];
}

export interface NetworkOptions {
  /** Keep only these edge types (default: all). */
  types?: readonly EdgeType[];
  /** Time window [since, until) on ISO dates: events outside are dropped, relationships must overlap it. */
  since?: string;
  until?: string;
  /** Aggregation period of payments, communications and shipments (default "month"). */
  period?: Period;
  /** Derived links: a value shared by more entities than this (a registered-agent address, a switchboard) links none. Default 20. */
  maxShared?: number;
  /** Rates for payment amounts in EUR (default: the flows package's built-in table). */
  rates?: RatesTable;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
