/** The bundled world map, converted and registered with ECharts once (no network access). */
import { feature } from "topojson-client";
import type { FeatureCollection } from "geojson";
import type { Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";
import { echarts } from "../flows/echarts";
import { keyByAlpha2, type World } from "./geo";

export const MAP_NAME = "vizier-world";
let world: World | undefined;

export function loadWorld(): World {
  if (world) return world;
  const topo = countries as unknown as Topology;
  const obj = topo.objects.countries;
  if (!obj) throw new Error("world-atlas without countries");
  world = keyByAlpha2(feature(topo, obj) as FeatureCollection);
  echarts.registerMap(MAP_NAME, world.geojson as unknown as Parameters<typeof echarts.registerMap>[1]);
  return world;
}
