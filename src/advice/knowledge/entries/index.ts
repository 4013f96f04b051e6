/**
 * Every entry of the knowledge base, in a fixed order (ties in score keep it): thread questions
 * first, then the flow, the FAQ, codes, how-tos and the catalogue's causes.
 */
import type { KnowledgeEntry } from '../types';
import { THREAD_ENTRIES } from './thread';
import { FLOW_ENTRY } from './flow';
import { FAQ_ENTRIES } from './faq';
import { CODE_ENTRIES } from './codes';
import { HOW_TO_ENTRIES } from './how-to';
import { CAUSE_ENTRIES } from './causes';

export const ENTRIES: readonly KnowledgeEntry[] = [...THREAD_ENTRIES, FLOW_ENTRY, ...FAQ_ENTRIES, ...CODE_ENTRIES, ...HOW_TO_ENTRIES, ...CAUSE_ENTRIES];
