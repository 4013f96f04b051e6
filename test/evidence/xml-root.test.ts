/** Where a pasted XML document ends, so the sentence after it is read as a sentence. */
import { XmlRootTracker } from '../../src/evidence/xml-root';
import { EvidenceCollector } from '../../src/evidence/collector';
import { expectLinearTime } from '../helpers/linear-time';

function closedAfter(lines: readonly string[]): boolean[] {
  const tracker = new XmlRootTracker();
  return lines.map((line) => {
    tracker.feed(line);
    return tracker.closed;
  });
}

describe('XmlRootTracker', () => {
  it('closes at the root end tag, not at a child with the same prefix', () => {
    expect(closedAfter(['<?xml version="1.0"?>', '<!-- published -->', '<configuration>', '  <system.webServer>', '  </system.webServer>', '</configuration>'])).toEqual([false, false, false, false, false, true]);
  });

  it('closes a root written as one empty element, on one line or over several', () => {
    expect(closedAfter(['<aspNetCore processPath="dotnet" arguments=".\\App.dll" />'])).toEqual([true]);
    expect(closedAfter(['<aspNetCore processPath="dotnet"', '    arguments=".\\App.dll"', '    hostingModel="inprocess" />'])).toEqual([false, false, true]);
  });

  it('stays open while only children close', () => {
    expect(closedAfter(['<system.applicationHost>', '<add name="ShopPool" />', '</applicationPools>'])).toEqual([false, false, false]);
  });

  it('is linear on a hostile line', () => {
    expectLinearTime((line) => new XmlRootTracker().feed(line), '<'.repeat(40_000));
    expectLinearTime((line) => {
      const t = new XmlRootTracker();
      t.feed('<configuration>');
      t.feed(line);
    }, '</configuratio'.repeat(3000));
  });
});

describe('the collector after a pasted config', () => {
  it('reads the sentence after the root closes as prose, with its status', () => {
    const collector = new EvidenceCollector();
    const summary = collector.addText('paste', ['<configuration>', '  <system.webServer>', '    <aspNetCore processPath="dotnet" arguments=".\\Shop.Web.dll" hostingModel="outofprocess" />', '  </system.webServer>', '</configuration>', 'After deploying we get HTTP Error 502.5 - Process Failure on every request.'].join('\n'));
    expect(summary.kinds).toEqual(['web-config', 'prose']);
    const evidence = collector.finish();
    expect(evidence.webConfigs).toHaveLength(1);
    expect(evidence.statuses).toEqual([expect.objectContaining({ status: 502, substatus: 5, ref: expect.objectContaining({ line: 6 }) })]);
  });

  it('keeps a sentence inside the document (a comment-less note between elements) in the config', () => {
    const summary = new EvidenceCollector().addText('paste', ['<configuration>', '  <system.webServer>', 'this part is from the publish profile', '  </system.webServer>', '</configuration>'].join('\n'));
    expect(summary.kinds).toEqual(['web-config']);
  });
});
