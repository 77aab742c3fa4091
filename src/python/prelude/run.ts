/**
 * The prelude's last part: report(), the one JSON line a run prints (makespan, each job's
 * outcome and completion, the real time and CPU it cost), and run(), which checks the
 * Python and the scale, places the jobs and runs main() on a selector loop.
 */

/** report() up to its line's last field; STATE_REPORT and RUN continue it. */
export const REPORT = `


def report():
    """Prints the run as one JSON line, in seconds of contract time."""
    outcomes = [RESULTS.get(job.id, ["unresolved", None]) for job in JOBS]
    counts = {"done": 0, "failed": 0, "lost": 0, "unresolved": 0}
    for outcome, _ in outcomes:
        counts[outcome] += 1
    times = [t for _, t in outcomes if t is not None]
    line = {
        "contract": CONTRACT,
        "scale": SCALE,
        "unit": "s",
        "makespan": round(max(times, default=0.0), 6),
        # What the run cost in real seconds: wall time of main(), and CPU time of this
        # process and its finished worker processes (os.times() counts them on Unix).
        "wall": round(WALL, 6),
        "cpu": round(sum(os.times()[:4]), 6),
        "jobs": counts,
        "outcomes": [outcome for outcome, _ in outcomes],
        "completions": [None if t is None else round(t, 6) for _, t in outcomes],
    }`;

/** The report's count of updates lost to races on shared state, and its final values: when a step updates it. */
export const STATE_REPORT = `
    line["lostUpdates"] = {name: next(WRITES[name]) - value for name, value in STATE.items()}
    line["shared"] = dict(STATE)`;

/** The end of report(), then timed() and run(); the pools' shutdown lines follow it. */
export const RUN = `
    print(json.dumps(line))


async def timed(program):
    global T0, WALL
    T0 = time.perf_counter()
    await program
    WALL = time.perf_counter() - T0


def run():
    global JOBS
    if sys.version_info < (3, 11):
        sys.exit("this program needs Python 3.11 or newer (asyncio.TaskGroup, asyncio.timeout)")
    if not SCALE > 0:
        sys.exit("--scale takes the real seconds per contract second, a number above 0")
    JOBS = make_jobs()
    sys.setswitchinterval(GIL_SWITCH * SCALE)
    # select() wakes a timer to the microsecond; epoll rounds its wait up to a whole
    # millisecond, which would add up over thousands of short sleeps.
    def select_loop():
        return asyncio.SelectorEventLoop(selectors.SelectSelector())

    with asyncio.Runner(loop_factory=select_loop) as runner:
        runner.run(timed(main()))`;
