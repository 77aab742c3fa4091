/** A step's call to a service: accepted (maybe to fail at the end) or refused at once. */
import type { FlatOp } from '../spec';
import type { Failure } from './flow';
import type { Runtime } from './runtime';
import type { Service } from './services';

export interface ServiceCall {
  /** The service whose connection the call holds until it ends; null when refused. */
  readonly connected: Service | null;
  /** How long until the answer (or the refusal) comes back. */
  readonly us: number;
  /** What the caller raises when it comes back; null for a good answer. */
  readonly failure: Failure | null;
  readonly detail: string;
}

export function callService(
  rt: Runtime,
  op: FlatOp,
  node: string,
  key: number,
  job: number,
  rerun: number,
): ServiceCall {
  const service = rt.services[op.ref]!;
  const answer = service.call(key, job, rerun);
  const label = service.spec.label;
  const refused = answer.outcome === 'refusedRate' || answer.outcome === 'refusedConnections';
  if (refused)
    rt.traceRefused(service, job, answer.outcome === 'refusedRate' ? 'rate' : 'connections');
  const failure: Failure | null =
    answer.outcome === 'ok'
      ? null
      : {
          cancel: false,
          reason: refused ? 'refused' : 'serviceError',
          node,
          detail: refused
            ? `${label} refused the call (${answer.outcome === 'refusedRate' ? 'rate limit' : 'too many connections'})`
            : `${label} answered with an error`,
          fatal: false,
        };
  return {
    connected: refused ? null : service,
    us: answer.us,
    failure,
    detail: `${op.label}: ${label}`,
  };
}
