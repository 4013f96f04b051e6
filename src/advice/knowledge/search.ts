/**
 * The MiniSearch index over the knowledge base, and when the base admits it does not know. Each
 * phrasing of an entry is its own small document (plus one for the title, one for the keywords and
 * one for the background text), so an entry is as good as its best phrasing rather than the sum of
 * many half-matches. MiniSearch ranks; two gates decide whether the best entry is an answer at all:
 * its score must clear SCORE_THRESHOLD, and it must cover enough of the question (MIN_COVERAGE).
 */
import MiniSearch from 'minisearch';
import type { KnowledgeEntry } from './types';
import { MAX_QUESTION_CHARS, searchTerms } from './terms';

/**
 * Below this MiniSearch score a result is noise. MiniSearch scores are BM25 sums multiplied by the
 * number of query terms matched, so a question that matches two or more terms of an entry scores
 * 30 and up; the threshold matters for one-word questions. Measured with the tables in
 * test/advice/knowledge/matching.test.ts when it was tuned: the weakest real one-word questions
 * ("stdout?", "what does 502 bad gateway even mean") score about 11, "how do I fix it?" about 14,
 * codes 16 to 22; typos and near words reached only through fuzzy or prefix matching score under
 * 10 ("stdot" 4.5, "lunch" finding "launch" 2.7, a bare "cloudflare" 9.9). Small talk that shares
 * one ordinary word with the base ("what time is the meeting", 13.7) is rejected by the coverage
 * rule below, not by the score.
 */
export const SCORE_THRESHOLD = 10;

/**
 * The share of a question's terms the best entry must match, when it matched two or more of them.
 * A single matched term must be the whole question and most of one of the entry's phrasings
 * ("how do I fix it?" is about fixing; "I'll push a fix after lunch" is not about anything the base
 * knows), so small talk that happens to contain one of the base's words is not taken for a question.
 */
export const MIN_COVERAGE = 0.5;

/** Longest phrasing (in search terms) that a one-word question may stand for. */
const MAX_ONE_WORD_PHRASING = 2;

/** Most query terms considered: a question is a sentence, not a paste. */
const MAX_TERMS = 24;

/** Which part of an entry a document holds. */
type Part = 'phrasing' | 'title' | 'keywords' | 'body';

interface IndexedDocument {
  id: string;
  entry: string;
  part: Part;
  /** How many search terms the document has. */
  size: number;
  phrasing?: string;
  title?: string;
  keywords?: string;
  body?: string;
}

/** A scored entry. */
interface EntryMatch {
  entry: KnowledgeEntry;
  score: number;
  /**
   * The question's terms (after normalization) that the entry's phrasings, title or keywords
   * matched, over all of its documents: "event viewer" may match one phrasing and "logs" another.
   * Words matched only in the background text do not count.
   */
  terms: string[];
  /** The part of the entry that scored best (a phrasing, the title, the keywords, the background). */
  part: Part;
  /** Search terms in the shortest of the entry's phrasings that matched (Infinity when none did). */
  shortestPhrasing: number;
}

/** Fuzzy matching for words long enough to have a typo worth forgiving; never for codes. */
function fuzzyFor(term: string): number | false {
  return term.length >= 5 && !/\d/.test(term) ? 0.2 : false;
}

/** Prefix matching ("diff" finds "difference"), but not for codes: 500.3 is not 500.31. */
function prefixFor(term: string): boolean {
  return term.length >= 3 && !/\d/.test(term);
}

/** The distinct search terms of a question, capped. */
function queryTerms(question: string): string[] {
  return [...new Set(searchTerms(question.slice(0, MAX_QUESTION_CHARS)))].slice(0, MAX_TERMS);
}

export class KnowledgeIndex {
  private readonly mini: MiniSearch<IndexedDocument>;
  private readonly entries = new Map<string, KnowledgeEntry>();

  constructor(entries: readonly KnowledgeEntry[]) {
    this.mini = new MiniSearch<IndexedDocument>({
      fields: ['phrasing', 'title', 'keywords', 'body'],
      storeFields: ['entry', 'part', 'size'],
      tokenize: searchTerms,
      // searchTerms already lower-cases, folds and drops stop words.
      processTerm: (term) => term,
      searchOptions: {
        boost: { phrasing: 2, title: 1, keywords: 1, body: 0.25 },
        fuzzy: fuzzyFor,
        prefix: prefixFor,
        maxFuzzy: 2,
        combineWith: 'OR',
      },
    });
    const documents: IndexedDocument[] = [];
    for (const entry of entries) {
      if (this.entries.has(entry.id)) throw new Error(`Duplicate knowledge entry id ${entry.id}`);
      this.entries.set(entry.id, entry);
      const add = (suffix: string, part: Part, text: string): void => {
        documents.push({ id: `${entry.id}#${suffix}`, entry: entry.id, part, size: searchTerms(text).length, [part]: text });
      };
      entry.phrasings.forEach((phrasing, i) => add(String(i), 'phrasing', phrasing));
      add('title', 'title', entry.title);
      if (entry.keywords && entry.keywords.length > 0) add('keywords', 'keywords', entry.keywords.join(' '));
      if (entry.body) add('body', 'body', entry.body);
    }
    this.mini.addAll(documents);
  }

  /** Entries for a question, best first, one result per entry, whatever their score. */
  rank(question: string, limit = 5): EntryMatch[] {
    const terms = queryTerms(question);
    if (terms.length === 0) return [];
    // Terms are already normalized; hand them to MiniSearch as one string of known tokens.
    const results = this.mini.search(terms.join(' '), { tokenize: (text) => text.split(' ') });
    // Results come best first, so an entry's first document carries its score (the best phrasing).
    const byEntry = new Map<string, { entry: KnowledgeEntry; score: number; part: Part; shortestPhrasing: number; terms: Set<string> }>();
    for (const result of results) {
      const id = String(result['entry']);
      const entry = this.entries.get(id);
      if (!entry) continue;
      let match = byEntry.get(id);
      if (!match) {
        match = { entry, score: result.score, part: result['part'] as Part, shortestPhrasing: Infinity, terms: new Set<string>() };
        byEntry.set(id, match);
      }
      if (result['part'] === 'phrasing') match.shortestPhrasing = Math.min(match.shortestPhrasing, Number(result['size']));
      if (result['part'] !== 'body') for (const term of result.queryTerms) match.terms.add(term);
    }
    return [...byEntry.values()].slice(0, limit).map(({ terms, ...m }) => ({ ...m, terms: [...terms] }));
  }

  /** The best entry when its score clears the threshold and it matched enough of the question. */
  best(question: string): EntryMatch | undefined {
    const [top] = this.rank(question, 1);
    if (!top || top.score < SCORE_THRESHOLD) return undefined;
    const total = queryTerms(question).length;
    const matched = top.terms.length;
    if (matched >= 2) return matched / total >= MIN_COVERAGE ? top : undefined;
    // One word is a question only when it is the whole question and most of one of the entry's
    // own phrasings ("fix" for "how do I fix it"), not one word among several ("time" in
    // "startup time limit", "database" in a cause's title).
    return matched === total && top.shortestPhrasing <= MAX_ONE_WORD_PHRASING ? top : undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
