import appPoolManagedRuntime from '../../../src/advice/findings/app-pool-managed-runtime';
import { pool, runFindingTests } from '../../helpers/finding-tester';

runFindingTests(appPoolManagedRuntime, {
  valid: [
    { name: 'the .NET Framework CLR', text: pool({ add: 'managedRuntimeVersion="v4.0"' }), line: 2, mentions: ['"ContosoWeb"', 'managedRuntimeVersion="v4.0"', 'managedRuntimeVersion=""'] },
  ],
  invalid: [
    { name: 'No Managed Code', text: pool() },
  ],
});
