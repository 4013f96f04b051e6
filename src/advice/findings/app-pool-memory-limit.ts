import { defineFinding } from './define-finding';
import { poolLabel } from './support';

/** Memory recycling limits below 1 GB (values in KB) recycle under ordinary load. */
const LOW_MEMORY_KB = 1024 * 1024;

export default defineFinding({
  id: 'app-pool-memory-limit',
  severity: 'warning',
  on: 'app-pool',
  checks: 'The pool is not recycled on a memory limit below 1 GB (virtual or private bytes).',
  quotes: 'each periodicRestart memory or privateMemory attribute under the limit',
  find(pool) {
    const limits = [
      [pool.periodicRestartMemoryKb, 'memory (virtual memory)'],
      [pool.periodicRestartPrivateMemoryKb, 'privateMemory (private bytes)'],
    ] as const;
    return limits.flatMap(([value, label]) => {
      const kb = value ? Number(value.value.trim()) : NaN;
      if (!value || !Number.isFinite(kb) || kb <= 0 || kb >= LOW_MEMORY_KB) return [];
      return [
        {
          line: value.line,
          message: `${poolLabel(pool)} recycles when ${label} reaches ${value.value} KB (${Math.round(kb / 1024)} MB). A .NET app passes that under ordinary load, and recycling on memory pressure causes storms of 502s. Set the limit to 0 (off) or well above the app's working set (several GB).`,
        },
      ];
    });
  },
});
