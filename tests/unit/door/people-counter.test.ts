import { describe, expect, it } from 'vitest';
import { BeamDirection, PulseEdges } from '../../../devices/counter/codec/beam-direction.ts';
import { walkLevels } from '../../../devices/counter/simulated-counter.ts';
import { DoorCycles } from '../../../main/door/door-cycles.ts';
import { Occupancy } from '../../../main/door/occupancy.ts';

const feed = (beams: BeamDirection, steps: Array<['a' | 'b', boolean]>) => steps.map(([b, on]) => beams.push(b, on)).filter(Boolean);

describe('two-beam direction (A outside, B inside)', () => {
  it('A, B, clear A, clear B is one person in; the mirror image one out', () => {
    const beams = new BeamDirection();
    expect(
      feed(beams, [
        ['a', true],
        ['b', true],
        ['a', false],
        ['b', false],
      ]),
    ).toEqual(['in']);
    expect(
      feed(beams, [
        ['b', true],
        ['a', true],
        ['b', false],
        ['a', false],
      ]),
    ).toEqual(['out']);
  });

  it('someone who steps in and turns back, or breaks one beam only, is not counted', () => {
    const beams = new BeamDirection();
    expect(
      feed(beams, [
        ['a', true],
        ['b', true],
        ['b', false],
        ['a', false],
      ]),
    ).toEqual([]);
    expect(
      feed(beams, [
        ['a', true],
        ['a', false],
      ]),
    ).toEqual([]);
    expect(
      feed(beams, [
        ['b', true],
        ['b', false],
      ]),
    ).toEqual([]);
  });

  it('a level reported twice (the board answering "?") changes nothing', () => {
    const beams = new BeamDirection();
    expect(
      feed(beams, [
        ['a', true],
        ['a', true],
        ['b', true],
        ['b', true],
        ['a', false],
        ['a', false],
        ['b', false],
      ]),
    ).toEqual(['in']);
  });

  it("the simulator's walk is the same beam sequence a real board reports", () => {
    const beams = new BeamDirection();
    const walk = (d: 'in' | 'out') =>
      walkLevels(d)
        .map((l) => beams.push(l.input === 1 ? 'a' : 'b', l.level === 1))
        .filter(Boolean);
    expect(walk('in')).toEqual(['in']);
    expect(walk('out')).toEqual(['out']);
  });
});

describe("a commercial counter's pulse outputs", () => {
  it('counts rising edges only', () => {
    const pulses = new PulseEdges();
    const got = [
      pulses.push('in', true),
      pulses.push('in', true),
      pulses.push('in', false),
      pulses.push('out', true),
      pulses.push('in', true),
    ];
    expect(got.filter(Boolean)).toEqual(['in', 'out', 'in']);
  });
});

describe('occupancy', () => {
  it('is in minus out and never below zero', () => {
    const o = new Occupancy();
    expect(['in', 'out', 'out', 'in', 'in'].map((d) => o.passed(d as 'in' | 'out'))).toEqual([1, 0, 0, 1, 2]);
    o.reset();
    expect(o.value).toBe(0);
  });
});

describe('door cycles: entries per grant', () => {
  const t0 = Date.parse('2026-11-30T20:00:00Z');
  const at = (ms: number) => new Date(t0 + ms);
  const timing = { settleMs: 3000, idleMs: 60_000 };

  it('one grant followed by three entries is a tailgate of two, with the card that opened', () => {
    const c = new DoorCycles(timing);
    c.grant(at(0), 'card-key');
    c.doorOpened(at(500));
    expect([1000, 1500, 2000].map((ms) => c.passed('in', at(ms)).follower)).toEqual([false, true, true]);
    c.doorClosed(at(4000));
    expect(c.tick(at(5000))).toBeUndefined();
    expect(c.tick(at(7000))).toEqual({ at: at(0), cardHash: 'card-key', entries: 3, grants: 1, followers: 2 });
    expect(c.open()).toBe(false);
  });

  it('two cards in one opening let two people in; someone leaving is not an entry', () => {
    const c = new DoorCycles(timing);
    c.grant(at(0), 'one');
    c.grant(at(800), 'two');
    c.passed('out', at(900));
    c.passed('in', at(1000));
    c.passed('in', at(1200));
    c.doorClosed(at(2000));
    expect(c.tick(at(9000))).toBeUndefined();
  });

  it('someone still in the beams as the door shuts belongs to that opening', () => {
    const c = new DoorCycles(timing);
    c.grant(at(0), 'card');
    c.passed('in', at(1000));
    c.doorClosed(at(2000));
    expect(c.passed('in', at(3500)).follower).toBe(true);
    expect(c.tick(at(5000))?.followers).toBe(1);
  });

  it('an entry with no grant (the door held by someone leaving) is a tailgate with no card', () => {
    const c = new DoorCycles(timing);
    c.passed('in', at(0));
    c.doorClosed(at(1000));
    expect(c.tick(at(4000))).toMatchObject({ cardHash: undefined, followers: 1, grants: 0 });
  });

  it('with no door contact, the cycle ends a minute after its last event', () => {
    const c = new DoorCycles(timing);
    c.grant(at(0), 'card');
    c.passed('in', at(1000));
    c.passed('in', at(2000));
    expect(c.tick(at(61_000))).toBeUndefined();
    expect(c.tick(at(62_000))?.followers).toBe(1);
  });
});
