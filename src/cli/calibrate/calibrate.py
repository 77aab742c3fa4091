"""Measures this machine's CPython costs, the ones the engine's machine model stands for.

Prints one JSON line: every figure in microseconds (pickling in microseconds per MB),
each the median of several tries. Run by `npm run calibrate`; standard library only.
"""
import json
import multiprocessing as mp
import os
import pickle
import statistics
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

TRIES = 7


def median_us(samples):
    return round(statistics.median(samples) * 1e6, 1)


def timer_lateness():
    """How late time.sleep wakes for a short wait (what an asyncio timer pays too)."""
    late = []
    for _ in range(TRIES * 3):
        t = time.perf_counter()
        time.sleep(0.005)
        late.append(time.perf_counter() - t - 0.005)
    return median_us(late)


def thread_start():
    """From Thread.start() until the new thread runs its first line."""
    samples = []
    for _ in range(TRIES * 3):
        began = []
        t = time.perf_counter()
        th = threading.Thread(target=lambda: began.append(time.perf_counter()))
        th.start()
        th.join()
        samples.append(began[0] - t)
    return median_us(samples)


def burn_forever(stop):
    while not stop.is_set():
        pass


def gil_reacquire():
    """A thread back from blocking IO waits for the GIL a CPU-bound thread holds."""
    stop = threading.Event()
    hog = threading.Thread(target=burn_forever, args=(stop,))
    hog.start()
    samples = []
    for _ in range(TRIES):
        t = time.perf_counter()
        time.sleep(0.01)  # releases the GIL; waking, it must take it back from the hog
        samples.append(time.perf_counter() - t - 0.01)
    stop.set()
    hog.join()
    return median_us(samples)


def nothing(x=None):
    return x


def process_start(method):
    """From creating a one-worker pool until its first call comes back."""
    ctx = mp.get_context(method)
    samples = []
    for _ in range(3):
        t = time.perf_counter()
        with ProcessPoolExecutor(1, mp_context=ctx) as pool:
            pool.submit(nothing).result()
            samples.append(time.perf_counter() - t)
    return median_us(samples)


def call_round_trip():
    """A call with no payload into a started worker process and back."""
    with ProcessPoolExecutor(1) as pool:
        pool.submit(nothing).result()
        samples = []
        for _ in range(TRIES * 5):
            t = time.perf_counter()
            pool.submit(nothing).result()
            samples.append(time.perf_counter() - t)
    return median_us(samples)


def pickling_per_mb():
    """pickle.dumps and pickle.loads of a 10 MB payload of many small objects, per MB."""
    payload = [float(i) for i in range(10 * 1024 * 1024 // 24)]
    mb = len(pickle.dumps(payload)) / 1048576
    dumps, loads = [], []
    for _ in range(TRIES):
        t = time.process_time()
        data = pickle.dumps(payload)
        dumps.append((time.process_time() - t) / mb)
        t = time.process_time()
        pickle.loads(data)
        loads.append((time.process_time() - t) / mb)
    return median_us(dumps), median_us(loads)


def main():
    dumps, loads = pickling_per_mb()
    profile = {
        "python": sys.version.split()[0],
        "cores": os.cpu_count(),
        "timerLatenessUs": timer_lateness(),
        "threadStartUs": thread_start(),
        "gilReacquireUs": gil_reacquire(),
        "switchIntervalUs": round(sys.getswitchinterval() * 1e6),
        "processStartUs": {m: process_start(m) for m in ("fork", "forkserver", "spawn")},
        "defaultStartMethod": mp.get_start_method(),
        "callRoundTripUs": call_round_trip(),
        "dumpsPerMBUs": dumps,
        "loadsPerMBUs": loads,
    }
    print(json.dumps(profile))


if __name__ == "__main__":
    main()
