/** How edge weights enter path lengths: ignored, used as distances, or inverted (strength → 1/w). */
export type WeightMode = "none" | "distance" | "strength";

/** Edge lengths for a weight mode, or undefined for unit lengths (BFS). */
export function edgeLengths(weights: Float64Array, mode: WeightMode): Float64Array | undefined {
  switch (mode) {
    case "none": return undefined;
    case "distance": return weights;
    case "strength": return weights.map((w) => 1 / w);
  }
}
