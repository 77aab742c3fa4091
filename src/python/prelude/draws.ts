/**
 * The prelude's random times, drawn exactly as the engine draws them (src/engine/random.ts):
 * the same hash of (seed, purpose, job, what, which run) and the same arithmetic, down to
 * its logarithm and its rounding, so a program's job takes the time the engine predicts.
 */

/** js_round(): the engine's rounding, which the draws and the pickling costs both use. */
export const ROUND = `

def js_round(x):
    """Rounds half up, as the engine does (Python's round() rounds half to even)."""
    whole = math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole`;

/** The hash, the logarithm and the draws of random times (steps, arrivals, services). */
export const DRAWS = `

# The contract's random times, drawn exactly as the game's engine draws them: a hash of
# (seed, purpose, job, what, which run), so the same job always takes the same time.
def _mix32(h):
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def _combine(h, value):
    h = _mix32(((h ^ (value & 0xFFFFFFFF)) + 0x9E3779B9) & 0xFFFFFFFF)
    return _mix32(((h ^ ((value // 4294967296) & 0xFFFFFFFF)) + 0x7F4A7C15) & 0xFFFFFFFF)


def uniform_draw(purpose, a, b=0, c=0):
    """A number in (0, 1], a pure function of its arguments."""
    h = 0x243F6A88
    for value in (SEED, purpose, a, b, c):
        h = _combine(h, value)
    return (h + 1) / 4294967296


def _ln(x):
    # The engine's arithmetic (not math.log), so both agree to the last bit.
    m, e = x, 0
    while m >= 1.4142135623730951:
        m /= 2
        e += 1
    while m < 1.4142135623730951 / 2:
        m *= 2
        e -= 1
    s = (m - 1) / (m + 1)
    s2, term, total = s * s, s, 0.0
    for k in range(1, 60, 2):
        following = total + term / k
        if following == total:
            break
        total, term = following, term * s2
    return 2 * total + e * 0.6931471805599453


def exponential_us(mean_us, u):
    return js_round(-_ln(u) * mean_us)


def uniform_us(low_us, high_us, u):
    return low_us + min(high_us - low_us, math.floor((1 - u) * (high_us - low_us + 1)))


def time_of(dist, purpose, a, b, c):
    """Microseconds of a ("fixed", us), ("exponential", mean us) or ("uniform", low, high) time."""
    if dist[0] == "fixed":
        return dist[1]
    u = uniform_draw(purpose, a, b, c)
    return exponential_us(dist[1], u) if dist[0] == "exponential" else uniform_us(dist[1], dist[2], u)


def op_key(job, step, op, part):
    return step * 16384 + op, (part + 1) * 4096 + job.reruns


def exponential(job, step, op, part=-1, *, mean_us):
    """Seconds this op takes for this job: an exponential draw."""
    return time_of(("exponential", mean_us), 2, job.id, *op_key(job, step, op, part)) / 1e6


def uniform(job, step, op, part=-1, *, low_us, high_us):
    """Seconds this op takes for this job: a uniform draw."""
    return time_of(("uniform", low_us, high_us), 2, job.id, *op_key(job, step, op, part)) / 1e6`;
