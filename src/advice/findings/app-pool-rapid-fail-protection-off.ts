import { defineFinding } from './define-finding';
import { isFalse, poolLabel } from './support';

export default defineFinding({
  id: 'app-pool-rapid-fail-protection-off',
  severity: 'warning',
  on: 'app-pool',
  checks: 'Rapid-fail protection is on, so a crashing app stops the pool instead of hiding behind intermittent 502s.',
  quotes: 'the rapidFailProtection attribute',
  find(pool) {
    const rapidFail = pool.rapidFailProtection;
    if (!rapidFail || !isFalse(rapidFail.value)) return [];
    return [
      {
        line: rapidFail.line,
        message: `${poolLabel(pool)} has rapidFailProtection="${rapidFail.value}": a crashing app is restarted forever instead of the pool being stopped, which hides the crash behind intermittent 502s. Keep rapidFailProtection="true" and fix the crash (see the event log).`,
      },
    ];
  },
});
