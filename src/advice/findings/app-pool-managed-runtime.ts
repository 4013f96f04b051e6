import { defineFinding } from './define-finding';
import { poolLabel } from './support';

export default defineFinding({
  id: 'app-pool-managed-runtime',
  severity: 'warning',
  on: 'app-pool',
  checks: 'The pool loads no .NET Framework CLR ("No Managed Code") into a worker that hosts ASP.NET Core.',
  quotes: 'the managedRuntimeVersion attribute',
  find(pool) {
    const runtime = pool.managedRuntimeVersion;
    if (!runtime || runtime.value.trim() === '') return [];
    return [
      {
        line: runtime.line,
        message: `${poolLabel(pool)} has managedRuntimeVersion="${runtime.value}", which loads the .NET Framework CLR into a worker that hosts ASP.NET Core. Set it to "No Managed Code" (managedRuntimeVersion="").`,
      },
    ];
  },
});
