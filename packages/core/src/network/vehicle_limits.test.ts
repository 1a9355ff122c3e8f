import { describe, expect, it } from 'vitest';
import { metricNetwork } from '../water/testing';
import { emptyVehicleLimits, linksClosedToVehicle, networkForVehicle, vehicleMayUse } from './vehicle_limits';
import type { RoadNetwork } from './road_network';
import { readNetworkFile, writeNetworkFile } from '../io/network_file';
import { utf8Bytes } from '../web_globals';
import { isInputError } from '../input_error';

const aerial = { weightT: 25, heightM: 3.8, widthM: 2.5, hgv: true };
const light = { weightT: 3.5, heightM: 2.8, widthM: 2.1, hgv: false };
const base = metricNetwork([[0, 0], [100, 0], [200, 0], [300, 0], [400, 0]], [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }, { from: 3, to: 4 }]);

function limited(): RoadNetwork {
  const v = emptyVehicleLimits(base.linkCount);
  v.maxWeightT[0] = 25; // exactly the truck's weight: allowed
  v.maxHeightM[1] = 3.7; // lower than 3.8 m: closed to the aerial
  v.maxWidthM[2] = 2.2; // narrower than 2.5 m: closed to the aerial, open to the 2.1 m light vehicle
  v.noHgv[3] = 1; // hgv=no: closed to the aerial (a heavy vehicle), open to the light one
  return { ...base, vehicleLimits: v };
}

describe('vehicle limits', () => {
  it('a limit equal to the vehicle allows it; lower closes; untagged (NaN) never closes', () => {
    const net = limited();
    expect([0, 1, 2, 3].map((l) => vehicleMayUse(net.vehicleLimits!, l, aerial))).toEqual([true, false, false, false]);
    expect([0, 1, 2, 3].map((l) => vehicleMayUse(net.vehicleLimits!, l, light))).toEqual([true, true, true, true]);
    expect(linksClosedToVehicle(net, aerial)).toEqual([1, 2, 3]);
  });

  it('networkForVehicle: the same network when nothing binds (no limits, or a light vehicle), cached; else those links closed both ways', () => {
    expect(networkForVehicle(base, aerial)).toBe(base);
    const net = limited();
    expect(networkForVehicle(net, light)).toBe(net);
    const a = networkForVehicle(net, aerial);
    expect(a).toBe(networkForVehicle(net, { ...aerial }));
    expect(Array.from(a.linkForwardS)).toEqual([10, Infinity, Infinity, Infinity]);
    expect(Array.from(a.linkBackwardS)).toEqual([10, Infinity, Infinity, Infinity]);
    // topology and geometry shared, the base network untouched
    expect(a.arcHead).toBe(net.arcHead);
    expect(Array.from(net.linkForwardS)).toEqual([10, 10, 10, 10]);
  });

  it('.fcnet: a vehicle-limits section of a newer version is refused with a message', () => {
    const bytes = writeNetworkFile({ network: limited() });
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
    const text = new TextDecoder().decode(bytes.subarray(16, 16 + headerLength));
    // The header's own checksum would catch the edit first: drop it (as a file written before it had none),
    // keeping the length, so the section's version is what the reader refuses.
    const edited = text.replace('"vehicleLimits":1', '"vehicleLimits":9').replace(/,"headerChecksum":\d+\}$/, (m) => `${' '.repeat(m.length - 1)}}`);
    expect(edited).not.toContain('headerChecksum');
    const changed = utf8Bytes(edited);
    expect(changed.length).toBe(headerLength);
    const out = bytes.slice();
    out.set(changed, 16);
    try {
      readNetworkFile(out, 'new.fcnet');
      expect.unreachable();
    } catch (e) {
      expect(isInputError(e)).toBe(true);
      expect((e as Error).message).toContain('vehicle-limits section has version 9');
    }
  });
});
