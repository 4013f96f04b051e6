/**
 * What to do with a setting's value, given the setting's name: the one judgment every syntax
 * (JSON, YAML, XML, command lines, `key=value`) makes once it has found a name and its value.
 */
import { isSettled } from './edits';
import { looksRandom } from './entropy';
import { isConnectionStringName, isDiagnosticSetting, isSecretName } from './names';

/**
 * Whether a setting's value is masked: always when its name says it holds a secret or a connection
 * string (unless a finer rule already masked what was secret in it), and otherwise, when `byLooks`,
 * if the value looks like a generated key and the setting is no diagnostic switch. `name` is
 * undefined for a value with no name (an array element), which is judged by its looks alone.
 */
export function masksSetting(name: string | undefined, value: string, byLooks = true): boolean {
  if (isSettled(value)) return false;
  if (name !== undefined && (isSecretName(name) || isConnectionStringName(name))) return true;
  return byLooks && (name === undefined || !isDiagnosticSetting(name)) && looksRandom(value);
}
