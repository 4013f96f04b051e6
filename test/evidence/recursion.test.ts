import { RecursionDetector, framesIn } from '../../src/evidence/recursion';

/** Feeds lines; the 1-based numbers of the lines on which the detector fired. */
function firedOn(lines: readonly string[]): number[] {
  const detector = new RecursionDetector();
  return lines.flatMap((line, i) => (detector.feed(line) ? [i + 1] : []));
}

const frame = (method: string): string => `   at ${method}(Object value) in C:\\src\\App.cs:line 12`;

describe('framesIn', () => {
  it('reads .NET, Node and debugger frames, wherever they are on the line', () => {
    expect(framesIn('   at Shop.Tree.Depth(Node n) in C:\\x.cs:line 4')).toEqual(['Shop.Tree.Depth']);
    expect(framesIn('    at Router.handle (/app/node_modules/express/lib/router/index.js:284:7)')).toEqual(['Router.handle']);
    expect(framesIn('>\tShop.dll!Shop.Tree.Depth(Shop.Node n) Line 40\tC#')).toEqual(['Shop.Tree.Depth']);
    expect(framesIn('log: at Shop.A.B() at Shop.A.C()')).toEqual(['Shop.A.B', 'Shop.A.C']);
  });

  it("reads the frames of a localized server's trace", () => {
    expect(framesIn('   bei Shop.Tree.Depth(Node n) in C:\\x.cs:Zeile 4')).toEqual(['Shop.Tree.Depth']);
    expect(framesIn('   在 Shop.Tree.Depth(Node n) 位置 C:\\x.cs:行号 4')).toEqual(['Shop.Tree.Depth']);
    expect(framesIn('   в Shop.Tree.Depth(Node n) в C:\\x.cs:строка 4')).toEqual(['Shop.Tree.Depth']);
    expect(framesIn('   場所 Shop.Tree.Depth(Node n) 場所 C:\\x.cs:行 4')).toEqual(['Shop.Tree.Depth']);
    expect(framesIn('   위치: Shop.Tree.Depth(Node n)')).toEqual(['Shop.Tree.Depth']);
  });

  it('reads no frame in prose that says "at" or in a name without a dot', () => {
    expect(framesIn('It failed at startup (twice) and at Main() too')).toEqual([]);
    expect(framesIn('Look at the logs (attached)')).toEqual([]);
    expect(framesIn('that(Object x)')).toEqual([]);
  });
});

describe('RecursionDetector', () => {
  it('fires once when one frame repeats five times in a row (direct recursion)', () => {
    expect(firedOn(Array.from({ length: 12 }, () => frame('Shop.Models.Category.get_Path')))).toEqual([5]);
  });

  it('fires on a block of frames repeated five times (recursion through helpers)', () => {
    const block = ['Shop.Tree.Walk', 'Shop.Tree.Visit', 'Shop.Tree.Children'].map(frame);
    const lines = [...Array.from({ length: 5 }, () => block).flat(), frame('Shop.Program.Main')];
    expect(firedOn(lines)).toEqual([15]);
  });

  it('does not fire on four repeats: nested serialization of a real graph goes a few levels deep', () => {
    const block = ['Json.Writer.SerializeObject', 'Json.Writer.SerializeValue', 'Json.Writer.SerializeList'].map(frame);
    expect(firedOn(Array.from({ length: 4 }, () => block).flat())).toEqual([]);
  });

  it('does not add up two traces pasted one after the other', () => {
    const trace = ['System.InvalidOperationException: Sequence contains no elements', frame('Shop.Orders.Load'), frame('Shop.Orders.Get')];
    expect(firedOn(Array.from({ length: 6 }, () => trace).flat())).toEqual([]);
  });

  it("reads across a debugger's separators and a paste that lost its line breaks", () => {
    const frames = Array.from({ length: 4 }, () => ' \tShop.dll!Shop.Node.get_Depth() Line 9\tC#');
    expect(firedOn([...frames, ' \t[External Code]', ...frames])).toEqual([6]);
    expect(firedOn([Array.from({ length: 5 }, () => 'at Shop.Node.get_Depth()').join(' ')])).toEqual([1]);
  });

  it('reads a hostile line without a frame in one pass (bounded names, no backtracking)', () => {
    const hostile = 'at '.repeat(5000) + 'a'.repeat(20000);
    expect(firedOn([hostile, hostile])).toEqual([]);
  });
});
