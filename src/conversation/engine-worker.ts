/**
 * The engine inside a worker thread (see engine-pool.ts): the same pure functions the inline
 * engine calls, exported by name for piscina. Nothing here keeps state between calls.
 */
import { workerData } from 'piscina';
import { diagnose } from '../diagnose';
import type { HouseRule } from '../evidence/house';
import type { Diagnosis } from '../contract';
import { cleanText, type CleanText } from '../evidence/clean-text';
import type { SlackEscaping } from '../evidence/normalize';
import { analyze as analyzeNow, cleanInputs, type Analysis, type AnalyzeRequest } from './engine';

/** The house rules the pool was started with (plain data, cloned into this thread once). */
const rules = (workerData as { rules?: HouseRule[] } | undefined)?.rules;

export function clean(request: { text: string; slack: SlackEscaping }): CleanText {
  return cleanText(request.text, request.slack);
}

export function analyze(request: AnalyzeRequest): Analysis {
  return analyzeNow(request, rules);
}

export function diagnoseClean(inputs: { source: string; text: string }[]): Diagnosis {
  return diagnose(cleanInputs(inputs), rules ? { rules } : {});
}
