/**
 * An error the configuration layer shows as one line, without a stack: the thread store could not
 * be opened as configured (bad STORE_URL, a file that is not a database, a schema from a newer
 * version of diag502).
 */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
