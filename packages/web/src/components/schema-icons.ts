/**
 * A short mark per FtM schema, drawn as a coloured tile by CSS (`.icon.kind-…`), so it renders
 * without emoji fonts; the schema's name is its accessible label.
 */
const MARKS: Record<string, [string, string]> = {
  Person: ["P", "person"], Company: ["C", "org"], Organization: ["O", "org"], LegalEntity: ["L", "org"], Address: ["A", "place"],
  Phone: ["☎", "comm"], BankAccount: ["€", "money"], Payment: ["€", "money"], Vessel: ["V", "thing"], Vehicle: ["V", "thing"],
  Airplane: ["✈", "thing"], Event: ["E", "event"], Ownership: ["↔", "link"], Directorship: ["↔", "link"], Family: ["↔", "link"],
  Associate: ["↔", "link"], Communication: ["☎", "comm"], Trip: ["✈", "event"], Shipment: ["S", "thing"], Seizure: ["!", "event"],
};
export const iconOf = (schema: string): string => MARKS[schema]?.[0] ?? "•";
export const kindOf = (schema: string): string => MARKS[schema]?.[1] ?? "thing";
