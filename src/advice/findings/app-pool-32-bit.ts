import { defineFinding } from './define-finding';
import { isTrue, poolLabel } from './support';

export default defineFinding({
  id: 'app-pool-32-bit',
  severity: 'info',
  on: 'app-pool',
  checks: 'The worker is 64-bit, or the app is knowingly published for win-x86.',
  quotes: 'the enable32BitAppOnWin64 attribute',
  find(pool) {
    const bitness = pool.enable32BitAppOnWin64;
    if (!bitness || !isTrue(bitness.value)) return [];
    return [
      {
        line: bitness.line,
        message: `${poolLabel(pool)} has enable32BitAppOnWin64="${bitness.value}": the worker is 32-bit, so the app must be published for win-x86 (an x64 app fails with 500.32 / 0x800700C1). Leave it "false" for 64-bit apps.`,
      },
    ];
  },
});
