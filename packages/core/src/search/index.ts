export {
  multiSourceSearch,
  SearchWorkspace,
  type SearchSource,
  type SearchOptions,
  type SearchResult,
} from './multi_source_search';
export { type SearchMetric } from './arc_costs';
export { reachedPieces, reachedLengthM, type ReachedPiece } from './reached_pieces';
export { rankSources, type SearchTarget, type RankedSource } from './point_query';
export { type SearchDirection } from './multi_source_search';
export { costAtPlace, type PlaceCost } from './place_cost';
export { reachTable, stationsOnIslands, type ReachTable, type StationIsland } from './reach_table';
export { routeLine, dueRanking, type DueRow } from './routes';
