import { iconOf, kindOf } from "./schema-icons";

/** The schema's mark as a coloured tile, labelled with the schema's name. */
export function TypeIcon({ schema }: { schema: string }) {
  return <span className={`icon kind-${kindOf(schema)}`} role="img" aria-label={schema} title={schema}>{iconOf(schema)}</span>;
}
