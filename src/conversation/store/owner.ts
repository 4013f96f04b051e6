/**
 * Who holds a job's (or a thread's) lease: `host:pid:nonce` for a process. A restarted bot on the same machine need
 * not wait for a dead process's leases to run out: a pid that no longer runs (or is the claimer's
 * own pid with another nonce: the pid was reused) cannot be working on anything. Leases held on
 * other hosts are judged by their expiry alone. Every store applies this rule when it claims.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** `replica` names the machine (or container); the host name unless REPLICA_ID says otherwise. */
export function processOwner(replica: string = hostname()): string {
  return `${replica}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `owner` is a process on this host that is certainly gone. */
export function ownerIsDead(owner: string, me: string): boolean {
  const [host, pidText, nonce] = owner.split(':');
  const [myHost, myPid, myNonce] = me.split(':');
  if (host !== myHost || owner === me) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (String(pid) === myPid) return nonce !== myNonce;
  return !running(pid);
}
