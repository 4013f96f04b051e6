/**
 * A fake Web API for one test file and posters against it (jest's beforeAll/afterAll, so it lives
 * with the test helpers, not in test/support, which the build compiles for the benchmarks).
 */
import type { Poster } from '../../src/slack/post';
import { FakeSlack } from '../support/slack/fake-slack';
import { recordingLogger, testPoster } from '../support/slack/test-poster';

/** A fake Web API for one test file, started before its tests and stopped after them. */
export interface FakePoster {
  /** The running fake (only inside tests: it starts in beforeAll). */
  readonly fake: FakeSlack;
  /** Warnings the posters logged. */
  readonly warnings: string[];
  /** A poster against the fake. */
  client(): Poster;
}

/** Registers beforeAll/afterAll that run a fake Web API, and hands out posters against it. */
export function useFakePoster(): FakePoster {
  const warnings: string[] = [];
  const logger = recordingLogger(warnings);
  let running: FakeSlack | undefined;
  beforeAll(async () => {
    running = new FakeSlack();
    await running.start();
  });
  afterAll(async () => running?.stop());
  const fake = (): FakeSlack => {
    if (!running) throw new Error('the fake Web API starts in beforeAll: use it inside a test');
    return running;
  };
  return {
    get fake() {
      return fake();
    },
    warnings,
    client: () => testPoster(fake().apiUrl, logger),
  };
}
