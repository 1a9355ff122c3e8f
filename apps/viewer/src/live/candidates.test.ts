import { describe, expect, it } from 'vitest';
import { candidateClass, candidateStation, commonPrefix, nextCandidateSeq } from './candidates';
import { candidateInput, savedScenario } from '../scenario_file/save_scenario';
import type { ScenarioFile, Station } from '@firecover/core';

describe('candidates', () => {
  it('reads classes as codes or Chinese names', () => {
    expect(candidateClass('class2')).toBe('class2');
    expect(candidateClass('二级')).toBe('class2');
    expect(candidateClass('一级消防站')).toBe('class1');
    expect(candidateClass('特勤')).toBe('special');
    expect(candidateClass('nonsense')).toBeUndefined();
  });

  it('makes a station with the preset turnout unless the candidate sets one', () => {
    expect(candidateStation({ id: 'C1', lon: 1, lat: 2, stationClass: '二级' }, 60)).toEqual({ id: 'C1', name: 'C1', lon: 1, lat: 2, class: 'class2', status: 'candidate', turnoutS: 60 });
    expect(candidateStation({ id: 'C1', lon: 1, lat: 2, stationClass: 'class1', name: ' East ', turnoutS: 45 }, 60)).toMatchObject({ name: 'East', turnoutS: 45, class: 'class1' });
  });

  it('finds the shared prefix of two lists', () => {
    const a = { id: 'C1', lon: 1, lat: 2, stationClass: 'class2' };
    const b = { id: 'C2', lon: 3, lat: 4, stationClass: 'class2' };
    expect(commonPrefix([a, b], [a, b])).toBe(2);
    expect(commonPrefix([a, b], [a, { ...b, lon: 3.5 }])).toBe(1);
    expect(commonPrefix([a, b], [{ ...a, turnoutS: 30 }, b])).toBe(0);
    expect(commonPrefix([a, b], [a])).toBe(1);
    expect(commonPrefix([], [a])).toBe(0);
    expect(nextCandidateSeq([a, b, { ...b, id: 'C17' }, { ...b, id: 'east' }])).toBe(17);
  });

  it('saves candidates as stations of status candidate, replacing those the file had', () => {
    const file = { name: 'x', network: { geojson: 'roads.geojson' }, stations: [{ id: 'a', name: 'A', lon: 1, lat: 2, class: '一级', status: 'existing' }, { id: 'old', name: 'old', lon: 1, lat: 2, class: 'class2', status: 'candidate' }] } as unknown as ScenarioFile;
    const saved = savedScenario(file, [], [{ id: 'C1', lon: 3, lat: 4, stationClass: '二级', name: 'New', turnoutS: 45 }, { id: 'C2', lon: 5, lat: 6, stationClass: 'class1' }]);
    expect(saved.network).toEqual({ geojson: 'roads.geojson' });
    expect(saved.stations).toEqual([
      { id: 'a', name: 'A', lon: 1, lat: 2, class: '一级', status: 'existing' },
      { id: 'C1', name: 'New', lon: 3, lat: 4, class: '二级', status: 'candidate', turnoutS: 45 },
      { id: 'C2', name: 'C2', lon: 5, lat: 6, class: 'class1', status: 'candidate' },
    ]);
    // a station file becomes the list of the stations it gave
    const fromFile = savedScenario({ ...file, stations: 'stations.geojson' } as unknown as ScenarioFile, [{ id: 'b', name: 'B', lon: 7, lat: 8, class: 'class1', status: 'existing', turnoutS: 60 } as Station], []);
    expect(fromFile.stations).toEqual([{ id: 'b', name: 'B', lon: 7, lat: 8, class: 'class1', status: 'existing', turnoutS: 60 }]);
    expect(candidateInput({ id: 'C3', lon: 0, lat: 0, stationClass: 'small', name: '  ' }).name).toBe('C3');
  });
});
