// The screens' refresh pace (renderer/lib/refresh-pace.ts), on a fake clock: a look at once, then
// every 5 s while nothing changes, every 2 s for half a minute after a change was seen, every 20 s
// after three minutes without one (or without the person coming back to the window); none while
// the window is hidden, one at once when it is shown or focused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PACE, nextLookIn, startRefreshLoop, steadyPace } from '../../src/renderer/lib/refresh-pace';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A screen whose marker moves at the given moments (ms); records when it looked. */
function screen(movesAt: number[] = []) {
  const looks: number[] = [];
  let hidden = false;
  let failing = false;
  const pending = [...movesAt];
  const loop = startRefreshLoop({
    pace: PACE,
    hidden: () => hidden,
    look: async () => {
      const at = Date.now();
      looks.push(at);
      if (failing) throw new Error('mất kết nối');
      let moved = false;
      while (pending.length > 0 && pending[0]! <= at) {
        pending.shift();
        moved = true;
      }
      return moved;
    },
  });
  return {
    looks,
    loop,
    hide: (v: boolean) => (hidden = v),
    fail: (v: boolean) => (failing = v),
    gaps: () => looks.slice(1).map((t, i) => t - looks[i]!),
  };
}

const run = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

describe('the refresh pace', () => {
  it('picks the wait from when a change was last seen', () => {
    expect(nextLookIn(PACE, 10_000, 0, null)).toBe(5000);
    expect(nextLookIn(PACE, 10_000, 0, 9000)).toBe(2000);
    expect(nextLookIn(PACE, 40_000, 0, 9000)).toBe(5000);
    expect(nextLookIn(PACE, 179_999, 0, null)).toBe(5000);
    expect(nextLookIn(PACE, 180_000, 0, null)).toBe(20_000);
    expect(nextLookIn(PACE, 500_000, 0, 400_000)).toBe(5000);
    expect(nextLookIn(PACE, 500_000, 400_000, 10_000)).toBe(5000);
    expect(nextLookIn(steadyPace(300), 10_000_000, 0, null)).toBe(300);
  });

  it('looks at once, every 5 s while nothing changes, every 20 s after three minutes', async () => {
    const s = screen();
    await run(0);
    expect(s.looks).toEqual([0]);
    await run(30_000);
    expect(s.looks).toEqual([0, 5000, 10_000, 15_000, 20_000, 25_000, 30_000]);
    await run(240_000);
    const late = s.looks.filter((t) => t >= 180_000);
    expect(late.slice(1).map((t, i) => t - late[i]!)).toEqual([20_000, 20_000, 20_000, 20_000]);
    s.loop.stop();
  });

  it('looks every 2 s for half a minute after a change, then every 5 s', async () => {
    const s = screen([7000]);
    await run(70_000);
    // the move is seen at 10 s: 2 s waits until 40 s, then 5 s
    expect(s.looks.filter((t) => t <= 10_000)).toEqual([0, 5000, 10_000]);
    expect(s.looks.filter((t) => t > 10_000 && t <= 40_000)).toEqual(
      Array.from({ length: 15 }, (_, i) => 12_000 + 2000 * i),
    );
    expect(s.looks.filter((t) => t > 40_000)).toEqual([45_000, 50_000, 55_000, 60_000, 65_000, 70_000]);
    s.loop.stop();
  });

  it('does not look while the window is hidden, looks at once when it is shown, then every 5 s', async () => {
    const s = screen();
    await run(5000);
    s.hide(true);
    await run(600_000);
    expect(s.looks).toEqual([0, 5000]);
    s.hide(false);
    s.loop.poke();
    await run(0);
    expect(s.looks).toEqual([0, 5000, 605_000]);
    await run(5000);
    expect(s.looks).toEqual([0, 5000, 605_000, 610_000]);
    s.loop.stop();
  });

  it('a focus looks at once and plans the next look from there; a failed look is tried again', async () => {
    const s = screen();
    await run(3000);
    s.loop.poke();
    await run(0);
    expect(s.looks).toEqual([0, 3000]);
    s.fail(true);
    await run(10_000);
    expect(s.looks).toEqual([0, 3000, 8000, 13_000]);
    s.fail(false);
    await run(5000);
    expect(s.looks).toEqual([0, 3000, 8000, 13_000, 18_000]);
    s.loop.stop();
    await run(60_000);
    expect(s.looks).toHaveLength(5);
  });
});
