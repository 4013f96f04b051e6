/**
 * The shapes of the question-answering knowledge base: what a caller gets back (`Answer`), what it
 * passes in (`KnowledgeContext`), and what one entry of the base is (`KnowledgeEntry`).
 */
import type { Diagnosis } from '../../contract';

export interface Answer {
  id: string;
  title: string;
  /**
   * Plain text: paragraphs separated by blank lines, list items starting "- " or "1. "; no
   * Markdown beyond that, no HTML. A paragraph whose every line starts with four spaces is code
   * (a web.config snippet, a diff, a command), to be shown as is.
   */
  text: string;
  /** https links behind the answer (vendor documentation, the public threads a cause cites). */
  references: string[];
}

/** The thread's current diagnosis, when there is one. */
export interface KnowledgeContext {
  diagnosis: Diagnosis | null;
}

/** What an entry says, before the index attaches its id and title. */
export interface EntryAnswer {
  text: string;
  references: string[];
}

/** One thing the bot knows, with the ways people ask about it. */
export interface KnowledgeEntry {
  /** Stable, kebab-case; tests and callers refer to it. */
  id: string;
  title: string;
  /** Questions as people type them; each one is indexed on its own, so one good match is enough. */
  phrasings: readonly string[];
  /** Extra terms that should find the entry: codes in every spelling, symbolic names, jargon. */
  keywords?: readonly string[];
  /** Background text indexed with a low weight (a cause's description): helps, never decides alone. */
  body?: string;
  /** Pure and synchronous; entries that depend on the thread read `context.diagnosis`. */
  answer(context: KnowledgeContext): EntryAnswer;
}
