/**
 * The prelude's first part, in every program: the contract's clock, the busy loop that
 * plays CPU work, and the record of each job's outcome (done, failed, lost) that the
 * report reads. Failures and losses are written only when the wiring can have them.
 */

/** The clock, burn_cpu() and deliver(): every program has them. */
export const CLOCK = `
# ── Stand-ins for the contract's world ────────────────────────────────────────────
# Not part of the lesson: they let the wiring above run on its own, at a time scale,
# and time it. CPU work is a busy loop on the thread's own CPU clock, so it needs the
# GIL and a core exactly as real Python code does; IO is a sleep.

T0 = 0.0  # time.perf_counter() when main() started
WALL = 0.0  # real seconds main() took
RESULTS = {}  # job id -> [outcome, contract seconds]


def now():
    """Contract time since main() started, in seconds."""
    return (time.perf_counter() - T0) / SCALE


def burn_cpu(seconds):
    """Runs Python for \`seconds\` of this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def deliver(job):
    RESULTS.setdefault(job.id, ["done", now()])`;

/** ServiceError and fail(): when a job can fail (a service call, a timeout, a retry). */
export const FAILURES = `

class ServiceError(Exception):
    """A call that a service refused, or that failed."""


def fail(job, error):
    RESULTS.setdefault(job.id, ["failed", now()])`;

/** lose(): when a job can be lost (a shed queue, a path that ends before the Sink). */
export const LOSSES = `

def lose(job):
    RESULTS.setdefault(job.id, ["lost", now()])`;
