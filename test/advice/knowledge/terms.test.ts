/**
 * How questions become search terms: the domain's multi-word names, codes, identifiers, stop words
 * and inflections, each of which a question in the matching table depends on.
 */
import { searchTerms } from '../../../src/advice/knowledge/terms';

describe('searchTerms', () => {
  it.each([
    ['in-process vs out of process', ['inprocess', 'versus', 'outofprocess']],
    ['InProcess or OutOfProcess', ['inprocess', 'outofprocess']],
    ['how do i turn on stdout log', ['enable', 'stdout', 'log']],
    ['switch it off', ['disable']],
    ['std-out logs', ['stdout', 'log']],
    ['app pool / application pools', ['apppool', 'apppool']],
    ['Event Viewer', ['eventviewer']],
    ['failed request tracing', ['freb']],
    ['bad gateway or gateway timeout', ['502', '504']],
    ['where do I start', ['wheretostart']],
    ['ASP.NET Core Module V2', ['ancm']],
    ['cloud flare', ['cloudflare']],
  ])('joins the names of the domain: %j', (text, terms) => {
    expect(searchTerms(text)).toEqual(terms);
  });

  it('keeps codes whole and splits an IIS log tail into status and Win32 code', () => {
    expect(searchTerms('502.3 and 0x80072EE2 and ERROR_WINHTTP_TIMEOUT')).toEqual(['502.3', '0x80072ee2', 'error_winhttp_timeout']);
    expect(searchTerms('502.3.12002')).toEqual(['502.3', '12002']);
    expect(searchTerms('502.0')).toEqual(['502']);
  });

  it('splits identifiers into their words, whatever the case', () => {
    expect(searchTerms('stdoutLogEnabled')).toEqual(['stdout', 'log', 'enable']);
    expect(searchTerms('stdoutlogenabled')).toEqual(['stdout', 'log', 'enable']);
    expect(searchTerms('ThreadPool')).toEqual(['thread', 'pool']);
    expect(searchTerms('requestTimeout')).toEqual(['request', 'timeout']);
  });

  it('drops words that carry no topic, apostrophes included', () => {
    expect(searchTerms("What's the error on my site, please?")).toEqual([]);
    expect(searchTerms("how do I fix it? it's an ASP.NET Core app")).toEqual(['fix']);
  });

  it('ignores mentions, channel links and URLs', () => {
    expect(searchTerms('<@U024BE7LH> how do I fix it?')).toEqual(['fix']);
    expect(searchTerms('hey @diag502, <#C0123ABC|incidents> https://status.example.com/x?y=1 thanks')).toEqual([]);
    expect(searchTerms('<https://example.com/a|the dashboard> stdout')).toEqual(['stdout']);
  });

  it('folds inflections, plurals and synonyms', () => {
    expect(searchTerms('logging crashed failures headers certificates')).toEqual(['log', 'crash', 'fail', 'header', 'cert']);
    expect(searchTerms('diff vs differences')).toEqual(['difference', 'versus', 'difference']);
    expect(searchTerms('how sure are you')).toEqual(['confident']);
    expect(searchTerms('procdump')).toEqual(['procdump', 'dump']);
  });

  it('does not strip the "s" of words that are not plurals', () => {
    expect(searchTerms('IIS status process')).toEqual(['iis', 'status', 'process']);
  });

  it('returns nothing for text without words', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('?!… —')).toEqual([]);
  });
});
