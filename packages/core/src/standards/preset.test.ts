import { describe, expect, it } from 'vitest';
import { CHINA_PRESET, NFPA1710_PRESET, districtCapKm2, withOverrides } from './preset';

describe('standards presets', () => {
  it('China: 5 min from dispatch = 1 min turnout + 4 min driving; caps 7 / 4 / 2 / 15 km²', () => {
    expect(CHINA_PRESET.responseS.value).toBe(300);
    expect(CHINA_PRESET.responseS.value - CHINA_PRESET.turnoutS.value).toBe(240);
    expect(districtCapKm2(CHINA_PRESET, 'class1', false).capKm2).toBe(7);
    expect(districtCapKm2(CHINA_PRESET, 'class2', false).capKm2).toBe(4);
    expect(districtCapKm2(CHINA_PRESET, 'small', false).capKm2).toBe(2);
    expect(districtCapKm2(CHINA_PRESET, 'class1', true)).toEqual({ capKm2: 15, clause: 'GB 51080-2015 §4.1.3-2' });
    expect(districtCapKm2(CHINA_PRESET, 'logistics', false).capKm2).toBeNull();
    expect(CHINA_PRESET.hydrantSpacingM.value).toBe(120);
    expect(CHINA_PRESET.hydrantProtectionM.value).toBe(150);
  });

  it('NFPA 1710: 240 s travel after 80 s turnout, 90th percentile', () => {
    expect(NFPA1710_PRESET.responseS.value - NFPA1710_PRESET.turnoutS.value).toBe(240);
    expect(NFPA1710_PRESET.fractile.value).toBe(0.9);
  });

  it('overrides keep the clause and say they were overridden; unknown rules are an error', () => {
    const p = withOverrides(CHINA_PRESET, { districtAreaKm2: 6 });
    expect(p.districtAreaKm2.value).toBe(6);
    expect(p.districtAreaKm2.clause).toMatch(/GB 51080-2015 §4.1.3-2.*overridden/);
    expect(CHINA_PRESET.districtAreaKm2.value).toBe(7);
    expect(() => withOverrides(CHINA_PRESET, { nonsense: 1 } as never)).toThrow(/unknown standards rule "nonsense"/);
  });
});
