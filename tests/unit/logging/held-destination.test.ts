import { describe, expect, it } from 'vitest';
import { HeldDestination } from '../../../main/logging/held-destination.ts';

const sink = () => {
  const lines: string[] = [];
  return { lines, write: (l: string) => lines.push(l) };
};

describe('HeldDestination', () => {
  it('keeps lines until attached, then writes them first and passes the rest straight on', () => {
    const held = new HeldDestination();
    held.write('a\n');
    held.write('b\n');
    const target = sink();
    held.attach(target);
    held.write('c\n');
    expect(target.lines).toEqual(['a\n', 'b\n', 'c\n']);
  });

  it('keeps at most its limit, drops the oldest and says how many', () => {
    const held = new HeldDestination(2);
    for (const l of ['1\n', '2\n', '3\n', '4\n']) held.write(l);
    const target = sink();
    held.attach(target);
    expect(target.lines).toHaveLength(3);
    expect(JSON.parse(target.lines[0]!)).toMatchObject({ level: 40, msg: '2 early log lines dropped' });
    expect(target.lines.slice(1)).toEqual(['3\n', '4\n']);
  });
});
