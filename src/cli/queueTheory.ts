/**
 * Closed forms for the M/M/c/K queue (Poisson arrivals at λ, exponential service at μ,
 * c servers, at most K jobs in the system): the probability an arrival finds it full,
 * and the mean wait in the queue of those admitted (Little's law on the queue length).
 */
export function mmcKQueue(
  lambda: number,
  mu: number,
  c: number,
  k: number,
): { pBlock: number; wq: number } {
  const a = lambda / mu;
  const rho = a / c;
  const weights: number[] = [];
  let term = 1;
  for (let n = 0; n <= k; n++) {
    if (n > 0) term *= n <= c ? a / n : rho;
    weights.push(term);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const p = weights.map((w) => w / total);
  const pBlock = p[k] as number;
  let lq = 0;
  for (let n = c; n <= k; n++) lq += (n - c) * (p[n] as number);
  return { pBlock, wq: lq / (lambda * (1 - pBlock)) };
}
