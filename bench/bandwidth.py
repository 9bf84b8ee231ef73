"""The machine's memory bandwidth as the harness measures it: summing a large int64 array with
numpy (far larger than the caches), on one thread and on one thread per core, best of a few runs.
Scan-bound metrics (DAU, NPS) are compared with bytes read ÷ this bandwidth."""
import os
import threading
import time

import numpy as np

ARRAY_BYTES = 1 << 30     # 1 GiB: far past any cache on this kind of machine


def _best_seconds(function, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def measure(repeats=5):
    """{"one_thread_gbs", "all_threads_gbs", "threads"}: GB/s (10^9 bytes) reading the array."""
    data = np.ones(ARRAY_BYTES // 8, dtype=np.int64)
    threads = os.cpu_count() or 1
    parts = np.array_split(data, threads)

    def sum_parallel():
        # numpy releases the GIL in reductions, so the threads really run at once.
        workers = [threading.Thread(target=np.sum, args=(part,)) for part in parts]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

    data.sum()  # touch every page once before timing
    one = _best_seconds(data.sum, repeats)
    many = _best_seconds(sum_parallel, repeats)
    return {"one_thread_gbs": data.nbytes / one / 1e9, "all_threads_gbs": data.nbytes / many / 1e9,
            "threads": threads}


if __name__ == "__main__":
    print(measure())
