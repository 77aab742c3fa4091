/**
 * The prelude's stand-in for an outside service: it refuses calls over its connection cap
 * or rate limit, and answers accepted ones after its latency, failing as often as the
 * engine's service does, with the same draws.
 */

/** The Service class: one object per service the wiring's steps call. */
export const SERVICES = `


class Service:
    """A stand-in for an outside service. An accepted call takes the service's latency
    and may fail at its end; a call over the connection cap or the rate limit is
    refused after refuse_after seconds."""

    def __init__(self, name, latency, max_concurrent=None, rate_limit=None,
                 fail_rate=0.0, slow=None, refuse_after=0.01):
        self.name, self.latency, self.max_concurrent = name, latency, max_concurrent
        self.rate_limit, self.fail_rate, self.slow = rate_limit, fail_rate, slow
        self.refuse_after = refuse_after
        self.active = 0
        self.recent = collections.deque()  # start times of accepted calls in the window
        self.guard = threading.Lock()  # calls come from the event loop and from threads

    def _answer(self, job, step, op, part):
        """(seconds, fails) for an accepted call; None for a refused one."""
        with self.guard:
            if self.max_concurrent is not None and self.active >= self.max_concurrent:
                return None
            if self.rate_limit is not None:
                requests, per = self.rate_limit
                t = now()
                while self.recent and self.recent[0] <= t - per:
                    self.recent.popleft()
                if len(self.recent) >= requests:
                    return None
                self.recent.append(t)
            self.active += 1
        key, rerun = op_key(job, step, op, part)
        slow = self.slow is not None and uniform_draw(5, job.id, key, rerun) <= self.slow[0]
        latency = time_of(self.slow[1] if slow else self.latency, 3, job.id, key, rerun)
        fails = self.fail_rate > 0 and uniform_draw(4, job.id, key, rerun) <= self.fail_rate
        return latency / 1e6, fails

    def _hang_up(self):
        with self.guard:
            self.active -= 1

    async def call(self, job, step, op, part=-1):
        answer = self._answer(job, step, op, part)
        if answer is None:
            await asyncio.sleep(self.refuse_after * SCALE)
            raise ServiceError(f"{self.name} refused the call")
        try:
            await asyncio.sleep(answer[0] * SCALE)
        finally:
            self._hang_up()
        if answer[1]:
            raise ServiceError(f"{self.name} answered with an error")

    def call_blocking(self, job, step, op, part=-1):
        answer = self._answer(job, step, op, part)
        if answer is None:
            time.sleep(self.refuse_after * SCALE)
            raise ServiceError(f"{self.name} refused the call")
        try:
            time.sleep(answer[0] * SCALE)
        finally:
            self._hang_up()
        if answer[1]:
            raise ServiceError(f"{self.name} answered with an error")`;
