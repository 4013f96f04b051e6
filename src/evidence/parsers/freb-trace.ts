/**
 * The shape both FREB readers produce (the raw `frNNNNNN.xml` and the rendered view copied from a
 * browser), so that one function turns either into facts and signals.
 */

/** One trace event: its opcode name and its data fields, with source lines. */
export interface FrebEvent {
  /** `MODULE_SET_RESPONSE_ERROR_STATUS`, `ANCM_REQUEST_FORWARD_FAIL`...; '' when the paste did not show it. */
  name: string;
  /** `<Data Name="X">value</Data>` or `X="value"`, as written (entities decoded). */
  fields: Record<string, string>;
  /** `<freb:Description Data="X">text</freb:Description>`: the rendered meaning of a numeric field. */
  descriptions: Record<string, string>;
  /** Source line of each field. */
  fieldLines: Record<string, number>;
  /** Source line that names the event (or starts it). */
  line: number;
  /** When it happened: ms since the epoch (XML `TimeCreated`) or ms since midnight (`clock`, rendered view). */
  time?: number;
  clock?: boolean;
}

/** The `<failedRequest>` root attributes, as written. */
interface FrebRoot {
  url?: string;
  statusCode?: string;
  timeTaken?: string;
  failureReason?: string;
  /** Source line of `statusCode=` (or of the root tag). */
  statusLine: number;
}

export interface FrebTrace {
  root?: FrebRoot;
  events: FrebEvent[];
}

/** Sets a field unless the name is already there; safe for any name the trace carries. */
export function setField(record: Record<string, string | number>, key: string, value: string | number): void {
  if (Object.prototype.hasOwnProperty.call(record, key)) return;
  // Plain assignment keeps objects fast; only `__proto__` would touch the prototype instead.
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** Reads an own field (never one from Object.prototype). */
export function field<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
