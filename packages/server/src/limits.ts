/** Request limits; every one is documented in docs/api.md and can be set per installation. */
export interface Limits {
  /** Largest JSON body, in bytes. */
  maxJsonBytes: number;
  /** Largest multipart upload (file + mapping), in bytes. The upload is held in memory while parsed. */
  maxUploadBytes: number;
  /** Largest page of search results, jobs or quarantine rows. */
  maxPageSize: number;
  /** Largest offset a caller may page to (deep offsets are slow on every store). */
  maxOffset: number;
  /** Most entity ids in one entity request. */
  maxEntityIds: number;
  /** Most entities (nodes, relationships, events) one synchronous graph request may load; bigger graphs go to POST /api/jobs/analytics. */
  maxGraphEntities: number;
  /** Most nodes a synchronous graph metric, community, path or disruption request may compute on. */
  maxGraphNodes: number;
  /** Most entities an analytics job may load. */
  maxJobGraphEntities: number;
  /** Most payments one flows request may load (trace, aggregate, alerts). */
  maxFlowPayments: number;
  /** Work budget of one disruption run, in node·edge visits (a betweenness step costs n·m). */
  maxDisruptionWork: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxJsonBytes: 1024 * 1024,
  maxUploadBytes: 256 * 1024 * 1024,
  maxPageSize: 200,
  maxOffset: 10_000,
  maxEntityIds: 100,
  maxGraphEntities: 50_000,
  maxGraphNodes: 5_000,
  maxJobGraphEntities: 2_000_000,
  maxFlowPayments: 200_000,
  maxDisruptionWork: 2e9,
};
