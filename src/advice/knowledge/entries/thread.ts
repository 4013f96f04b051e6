/**
 * Questions about this thread's diagnosis: "how do I fix it?", "what should I check next?", "why
 * do you think so?", "how sure are you?". Each answer is built from the Diagnosis the thread holds;
 * without one, the answer says what to paste first instead of guessing.
 */
import { CONFIDENCE_WORDS } from '../../../ranking/words';
import type { Diagnosis } from '../../../contract';
import { DOCS } from '../references';
import { bullets, confidenceWord, paragraphs, percent, quoteRef, titledList } from '../text';
import { causeLabel, diagnosedCauses, evidenceList, fixText, missingList, pasteFirst, stepsText } from '../thread-text';
import type { EntryAnswer, KnowledgeEntry } from '../types';

/** Runner-up causes named after the leading one. */
const RUNNERS_UP = 3;

function nothingYet(intro: string): EntryAnswer {
  return { text: pasteFirst(intro), references: [DOCS.troubleshootIis] };
}

/** The references of the leading cause, or the general troubleshooting guide. */
function referencesOf(diagnosis: Diagnosis | null): string[] {
  const top = diagnosedCauses(diagnosis)[0];
  return top && top.references.length > 0 ? [...top.references] : [DOCS.troubleshootIis];
}

const fix: KnowledgeEntry = {
  id: 'thread-fix',
  title: 'How to fix it',
  phrasings: ['how do I fix it', "what's the fix", 'how do we fix this', 'how to solve this', 'what should I change', 'any solution', 'how do I make it go away', 'what is the fix for this'],
  keywords: ['remedy', 'workaround'],
  answer: ({ diagnosis }) => {
    const top = diagnosedCauses(diagnosis)[0];
    if (!diagnosis || !top) {
      return nothingYet(
        diagnosis
          ? 'Nothing pasted in this thread points at a cause yet, so I cannot say what to fix without guessing.'
          : 'There is no diagnosis in this thread yet, so I cannot say what to fix without guessing.',
      );
    }
    const weak = top.confidence < CONFIDENCE_WORDS.possible;
    // Beside a weak answer, a runner-up two thirds as likely is as good a guess; otherwise only a real tie.
    const tied = diagnosedCauses(diagnosis).slice(1).filter((c) => (weak ? c.confidence * 1.5 >= top.confidence : c.confidence >= top.confidence));
    return {
      text: paragraphs(
        `The leading cause is ${causeLabel(top)}.`,
        weak ? 'That is only a weak candidate: confirm it with the steps below (or ask me "what should I check next?") before changing anything.' : undefined,
        tied.length > 0 ? `${weak ? 'About as likely' : 'Equally likely'} so far: ${tied.slice(0, RUNNERS_UP).map((c) => c.title).join('; ')}.` : undefined,
        fixText(top),
        stepsText(top, 'Steps that go with it:'),
      ),
      references: referencesOf(diagnosis),
    };
  },
};

const next: KnowledgeEntry = {
  id: 'thread-next',
  title: 'What to check next',
  phrasings: ['what should I check next', 'what else do you need', 'what is missing', 'what should I paste next', 'next steps', 'what do you need from me', 'what else should I send'],
  keywords: ['collect', 'provide'],
  answer: ({ diagnosis }) => {
    const top = diagnosedCauses(diagnosis)[0];
    if (!diagnosis || (!top && diagnosis.missing.length === 0)) {
      return nothingYet('There is no diagnosis in this thread yet.');
    }
    return {
      text: paragraphs(
        diagnosis.missing.length > 0
          ? titledList('What would help most now:', missingList(diagnosis.missing))
          : 'Nothing essential is missing from the evidence.',
        top ? stepsText(top, `Still to do for the leading cause, ${causeLabel(top)}:`) : undefined,
      ),
      references: referencesOf(diagnosis),
    };
  },
};

const why: KnowledgeEntry = {
  id: 'thread-why',
  title: 'Why I think so',
  phrasings: ['why do you think so', 'what is the evidence', 'how do you know', 'why this cause', 'what makes you say that', 'show me the evidence', 'explain your reasoning'],
  keywords: ['proof', 'basis'],
  answer: ({ diagnosis }) => {
    const [top, ...others] = diagnosedCauses(diagnosis);
    if (!diagnosis || !top) return nothingYet('I have not concluded anything: nothing in this thread pointed at a cause yet.');
    const layer = diagnosis.layer;
    // The layer usually rests on the same lines as the cause; quote only what it adds.
    const shown = new Set(top.evidence.map((r) => `${r.source}\u0000${r.line}`));
    const layerOnly = (layer?.evidence ?? []).filter((r) => !shown.has(`${r.source}\u0000${r.line}`)).slice(0, 3);
    return {
      text: paragraphs(
        titledList(`I rank ${causeLabel(top)} first because of these lines:`, evidenceList(top)),
        layer ? `Layer that answered: ${layer.title}.` : undefined,
        layerOnly.length > 0 ? titledList('It shows in:', bullets(layerOnly.map(quoteRef))) : undefined,
        others.length > 0 ? `Also considered: ${others.slice(0, RUNNERS_UP).map(causeLabel).join('; ')}.` : undefined,
      ),
      references: referencesOf(diagnosis),
    };
  },
};

const confidence: KnowledgeEntry = {
  id: 'thread-confidence',
  title: 'How sure I am',
  phrasings: ['how sure are you', 'how confident are you', 'are you sure', 'how certain is this', 'what is your confidence', 'could it be something else'],
  keywords: ['probability', 'likelihood'],
  answer: ({ diagnosis }) => {
    const causes = diagnosedCauses(diagnosis);
    const top = causes[0];
    if (!diagnosis || !top) return nothingYet('There is no diagnosis in this thread yet, so there is no confidence to report.');
    return {
      text: paragraphs(
        titledList(
          'On a scale where a bare "502" never scores above weak:',
          bullets(causes.slice(0, RUNNERS_UP + 1).map((c) => `${c.title}: ${percent(c.confidence)} (${confidenceWord(c.confidence)})`)),
        ),
        top.confidence >= CONFIDENCE_WORDS.strong
          ? 'That is about as sure as pasted evidence gets; applying the fix and watching the errors stop is the final proof.'
          : undefined,
        diagnosis.missing.length > 0 ? titledList('What would raise or settle it:', missingList(diagnosis.missing)) : undefined,
      ),
      references: referencesOf(diagnosis),
    };
  },
};

export const THREAD_ENTRIES: readonly KnowledgeEntry[] = [fix, next, why, confidence];
