/**
 * The prelude's costs of a worker process pool: a job's data as a Payload whose pickling
 * burns the contract's time on whichever side does it, and the fixed cost of each call.
 * (A worker's start-up is charged by start_process(), written with the shared objects.)
 */

/** Payload, its pickling and call_overhead(): when the wiring has a process pool. */
export const PROCESSES = `


# A job's data, as big as the contract says. Pickling it costs the contract's time, half to
# pickle and half to unpickle, in whichever process and thread does it — as with real data:
# a call's arguments are pickled here (by the pool's feeder thread, holding this process's
# GIL) and unpickled in the worker; its result is pickled there and unpickled here.
class Payload:
    def __init__(self, nbytes):
        self.nbytes = nbytes

    def __reduce__(self):
        burn_cpu(pickle_seconds(self.nbytes) / 2 * SCALE)
        return (unpickled_payload, (self.nbytes,))


def unpickled_payload(nbytes):
    burn_cpu(pickle_seconds(nbytes) / 2 * SCALE)
    return Payload(nbytes)


def pickle_seconds(nbytes):
    return js_round(nbytes / 1048576 * PICKLE_US_PER_MB) / 1e6


def call_overhead():
    """The fixed cost of a call into a worker process, paid there, as the contract charges it."""
    burn_cpu(CALL_OVERHEAD_US / 1e6 * SCALE)`;
