/**
 * Every catalogue cause has an entry, findable by its title and by its name, and the entry is built
 * from the cause itself, so a cause added later is answerable without a hand-written entry.
 */
import { answerQuestion } from '../../../src/advice/knowledge';
import { CAUSE_ALIASES, CAUSE_ENTRIES, causeEntryId } from '../../../src/advice/knowledge/entries/causes';
import { CAUSES } from '../../../src/causes';

const none = { diagnosis: null };

describe('cause entries', () => {
  it('exist once for every catalogue cause', () => {
    expect(CAUSE_ENTRIES.map((e) => e.id)).toEqual(CAUSES.map((c) => causeEntryId(c.id)));
  });

  it.each(CAUSES.map((c) => [c.id, c.title]))('finds %s by its title', (id, title) => {
    expect(answerQuestion(title, none)?.id).toBe(causeEntryId(id));
  });

  it.each(CAUSES.map((c) => [c.id]))('finds %s by its name in a question', (id) => {
    expect(answerQuestion(`what is ${id.replace(/-/g, ' ')}?`, none)?.id).toBe(causeEntryId(id));
  });

  it.each(CAUSES.map((c) => [c.id]))('answers %s with its description, family and references when it is not diagnosed', (id) => {
    const cause = CAUSES.find((c) => c.id === id)!;
    const answer = answerQuestion(cause.title, none)!;
    expect(answer.title).toBe(cause.title);
    expect(answer.text.startsWith(cause.description)).toBe(true);
    expect(answer.text).toContain(`Family ${cause.family}:`);
    expect(answer.text).toMatch(/Evidence that would confirm or rule it out/);
    expect(answer.references).toEqual(cause.references);
  });

  it('keeps aliases only for causes that exist', () => {
    const ids = new Set(CAUSES.map((c) => c.id));
    for (const id of Object.keys(CAUSE_ALIASES)) expect(ids).toContain(id);
  });
});
