// `@firecover/core/testing`: helpers for tests of code built on firecover — small synthetic networks with
// known answers, scenario and station stubs, OSM fixtures written in memory. Not part of the main entry.
import { InputError } from './input_error';

/** The InputError that `f` throws (tests of bad input); anything else thrown passes through, nothing thrown fails. */
export function thrownInputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** A LoadedScenario and Station stubs around a network, for coverage tests. */
export { testScenario, testStation } from './coverage/testing';
/** A square grid network with uniform links, and a plain reference search over it. */
export { gridNetwork, referenceSearch, type GridNetworkOptions } from './surface/testing';
/** Networks laid out in metres around (LON0, LAT0), hydrant layers and water inputs, for water tests. */
export { LON0, LAT0, toLonLat, metricNetwork, hydrantsAt, waterInput, type TestLink } from './water/testing';
/** pgRouting's documented sample network (its published results are known), a seeded PRNG, random grids. */
export { PGR_VERTICES, PGR_EDGES, pgrSampleNetwork, prng, randomGrid, type RandomGridOptions } from './search/test_networks';
/** OSM data written in memory as .osm XML or .osm.pbf, for importer tests. */
export { toOsmXml, toOsmPbf, lineNodes, type FixtureModel, type FixtureNode, type FixtureWay, type FixtureRelation } from './io/fixtures/osm_fixture';
