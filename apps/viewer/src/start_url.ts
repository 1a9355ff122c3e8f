/** The embedded sample city, opened when the page is given no `?scenario=`. */
export const SAMPLE = './data/sample-city/scenario.json';

/** The scenario the page opens first: `?scenario=URL`, else the sample city. */
export function startUrl(): string {
  return new URLSearchParams(location.search).get('scenario') ?? SAMPLE;
}
