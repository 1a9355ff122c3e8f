import { describe, expect, it } from 'vitest';
import { RoadNetworkBuilder } from '../network/road_network';
import { LinkFlag, roadClassCode } from '../network/road_class';
import { DEFAULT_SPEED_MODEL, applySpeedModel, speedModelWith } from './speed_model';

/** One 1,000 m link of a class, optionally one-way and with posted limits. */
function oneLink(cls: string, flags: number, maxF?: number, maxB?: number, extra: Partial<{ wayId: number; id: number }> = {}) {
  const b = new RoadNetworkBuilder(() => 1000);
  const a = b.addNode(1, 0, 0);
  const c = b.addNode(2, 0.01, 0);
  b.addLink({ source: a, target: c, roadClass: roadClassCode(cls), flags, lengthM: 1000, maxspeedForwardKmh: maxF, maxspeedBackwardKmh: maxB, ...extra });
  return b.build();
}
const BOTH = LinkFlag.FORWARD | LinkFlag.BACKWARD;

describe('speed model', () => {
  it('uses the class speed when no maxspeed is tagged: 1 km of residential at 30 km/h is 120 s', () => {
    const net = applySpeedModel(oneLink('residential', BOTH));
    expect(net.linkForwardS[0]).toBeCloseTo(120, 3);
    expect(net.linkBackwardS[0]).toBeCloseTo(120, 3);
  });

  it('honours maxspeed up to the class cap, per direction', () => {
    // primary: cap 60 km/h; posted 50 forward → 72 s; posted 100 backward → capped at 60 → 60 s
    const net = applySpeedModel(oneLink('primary', BOTH, 50, 100));
    expect(net.linkForwardS[0]).toBeCloseTo(72, 3);
    expect(net.linkBackwardS[0]).toBeCloseTo(60, 3);
  });

  it('keeps forbidden directions at Infinity and applies the congestion factor', () => {
    const m = speedModelWith({ congestionFactor: 0.5 });
    const net = applySpeedModel(oneLink('residential', LinkFlag.FORWARD), m);
    expect(net.linkForwardS[0]).toBeCloseTo(240, 3); // 30 km/h × 0.5 = 15 km/h → 240 s
    expect(net.linkBackwardS[0]).toBe(Infinity);
    expect(net.arcCostS[1]).toBe(Infinity);
  });

  it('applies per-class and per-road overrides', () => {
    expect(applySpeedModel(oneLink('service', BOTH), speedModelWith({ classSpeedKmh: { service: 10 } })).linkForwardS[0]).toBeCloseTo(360, 3);
    const net = oneLink('residential', BOTH, undefined, undefined, { wayId: 99 });
    expect(applySpeedModel(net, speedModelWith({ roadSpeedKmh: { 'way:99': 60 } })).linkForwardS[0]).toBeCloseTo(60, 3);
  });

  it('leaves explicit (edge-table) costs alone and closes CLOSED links', () => {
    const b = new RoadNetworkBuilder(() => 1);
    const a = b.addNode(1, 0, 0);
    const c = b.addNode(2, 0, 0.001);
    b.addLink({ source: a, target: c, flags: BOTH | LinkFlag.EXPLICIT_COST, forwardS: 7, backwardS: 9 });
    b.addLink({ source: a, target: c, flags: BOTH | LinkFlag.CLOSED, roadClass: roadClassCode('primary') });
    const net = applySpeedModel(b.build(), DEFAULT_SPEED_MODEL);
    expect([net.linkForwardS[0], net.linkBackwardS[0]]).toEqual([7, 9]);
    expect([net.linkForwardS[1], net.linkBackwardS[1]]).toEqual([Infinity, Infinity]);
  });

  it('rejects unknown classes and bad values with a clear message', () => {
    expect(() => speedModelWith({ classSpeedKmh: { residental: 30 } })).toThrow(/unknown road class "residental"/);
    expect(() => speedModelWith({ congestionFactor: 0 })).toThrow(/congestionFactor/);
    expect(() => speedModelWith({ roadSpeedKmh: { road7: 30 } })).toThrow(/link:ID/);
  });
});
