"""The hub's benchmark at London scale, against a local PostgreSQL, Redis and gunicorn.

    .venv/bin/python bench/run.py

It builds a database of its own (``hub_bench``, dropped and made again unless ``--keep``) with
the demo content, measures the SQL queries of every page type, tops it up to 15,000
questionnaire responses and 10,000 pieces of advice across the boroughs, measures again, then
serves it with gunicorn (production settings over plain HTTP, see bench/settings.py) and
measures throughput, response times and submissions. It prints one table of medians with the
budget beside each figure (docs/performance.md) and exits 1 if a budget is missed.
Not part of the test run: it takes about ten minutes and the whole machine.
"""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import load

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST, PORT = "127.0.0.1", 8765
PLAIN = "/bench/plain/"
# The plain view is asked for with a cookie the site does not use, so that the page cache does
# not look for it: the floor is Django's own work through the same middleware, with no round
# trip to the shared cache (which would slow the floor, not the pages, with the cache on).
PLAIN_HEADERS = {"Cookie": "bench=plain"}

# The budgets of docs/performance.md.
CACHED_RATIO = 0.90
UNCACHED_RATIO = 0.05
RESULTS_SECONDS = 0.200
CSV_SECONDS = 2.0
SUBMISSIONS_PER_SECOND = 100


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/hub_bench")
    parser.add_argument("--cache", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--responses", type=int, default=15000)
    parser.add_argument("--advice", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of a throughput run")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--submissions", type=int, default=1000, help="questionnaires per run")
    parser.add_argument("--keep", action="store_true", help="reuse hub_bench as it is")
    return parser.parse_args()


# The machine's own speed, beside the figures: the absolute budgets (submissions a second,
# milliseconds) depend on it, and a shared machine's speed can change during a run.
MACHINE_ADDITIONS = 5_000_000


def machine_speed():
    """Median seconds of three runs of a fixed pure-Python loop, in this process."""
    timings = []
    for _run in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(MACHINE_ADDITIONS):
            total += number
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


class Bench:
    def __init__(self, options):
        self.options = options
        self.static = Path(tempfile.mkdtemp(prefix="hub-bench-static-"))
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="bench.settings",
            PYTHONPATH=str(ROOT),
            DATABASE_URL=options.database,
            CACHE_URL=options.cache,
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS=f"{HOST},localhost,testserver",
            HUB_ALLOW_DEMO_DATA="true",
            STATIC_ROOT=str(self.static),
            LOG_LEVEL="WARNING",
        )
        self.rows = []

    # --- the database ----------------------------------------------------------------------
    def manage(self, *args):
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, "manage.py", *map(str, args)], cwd=ROOT, env=self.env, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        return time.perf_counter() - started

    def probe(self, *args, **env):
        output = subprocess.run(
            [PYTHON, "bench/probe.py", *map(str, args)], cwd=ROOT, env=dict(self.env, **env),
            check=True, stdout=subprocess.PIPE, text=True,
        ).stdout  # fmt: skip
        return json.loads(output)

    def fresh_database(self):
        import psycopg

        url = self.options.database
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{name}"')

    def analyse(self):
        """Give PostgreSQL statistics for the rows just loaded in bulk, as autovacuum would in
        production soon after (without them it plans for a few rows and sorts on disk)."""
        import psycopg

        with psycopg.connect(self.options.database, autocommit=True) as db:
            db.execute("ANALYZE")

    def clear_cache(self):
        import redis

        redis.Redis.from_url(self.options.cache).flushdb()

    # --- gunicorn ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def gunicorn(self, page_cache_seconds):
        self.clear_cache()
        env = dict(self.env, HUB_PAGE_CACHE_SECONDS=str(page_cache_seconds))
        server = subprocess.Popen(
            [
                PYTHON, "-m", "gunicorn", "hub.wsgi", "--bind", f"{HOST}:{PORT}",
                "--workers", str(self.options.workers), "--log-level", "warning",
            ],
            cwd=ROOT, env=env, start_new_session=True,
        )  # fmt: skip
        try:
            self.wait_for_server()
            yield
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    def wait_for_server(self):
        for _ in range(300):
            with contextlib.suppress(OSError):
                status, _headers, _body = load.request(HOST, PORT, "GET", PLAIN)
                if status == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    # --- measurements --------------------------------------------------------------------------
    def throughputs(self, pages):
        """Median requests per second of each page, runs interleaved so drift spreads evenly."""
        found = {label: [] for label in pages}
        for _run in range(self.options.runs):
            for label, path in pages.items():
                headers = PLAIN_HEADERS if path == PLAIN else None
                # Warm the page (and, with the cache on, store it) before counting.
                load.request(HOST, PORT, "GET", path, headers=headers)
                rate, failed = load.throughput(
                    HOST, PORT, path, self.options.seconds, self.options.concurrency, headers
                )
                if failed:
                    raise RuntimeError(f"{path}: {failed} requests failed")
                found[label].append(rate)
        return {label: statistics.median(rates) for label, rates in found.items()}

    def add(self, measure, figure, budget="", met=None):
        self.rows.append((measure, figure, budget, met))

    def run(self):
        options = self.options
        speed_before = machine_speed()
        print("Preparing the database (PostgreSQL)...", file=sys.stderr)
        self.manage("collectstatic", "--no-input")
        if not options.keep:
            self.fresh_database()
            self.manage("migrate", "--no-input")
            self.manage("load_demo")
            self.small = self.probe("queries", HUB_PAGE_CACHE_SECONDS="0")
            self.small_memory = self.probe("memory")
            started = time.perf_counter()
            self.manage("load_demo", "--responses", options.responses)
            self.add(
                f"4. time to generate {options.responses:,} demo responses",
                f"{time.perf_counter() - started:.1f} s",
            )
            if options.advice:
                started = time.perf_counter()
                self.manage("load_demo", "--advice", options.advice)
                self.add(
                    f"4. time to generate {options.advice:,} pieces of advice",
                    f"{time.perf_counter() - started:.1f} s",
                )
        self.analyse()
        large = self.probe("queries", HUB_PAGE_CACHE_SECONDS="0")
        memory = self.probe("memory")
        prepared = self.probe("prepare", options.submissions * options.runs)

        print("Serving with gunicorn, page cache on...", file=sys.stderr)
        with self.gunicorn(page_cache_seconds=300):
            cached = self.throughputs({"plain Django view": PLAIN, **prepared["public"]})
            latencies = self.admin_latencies(prepared)
            submitted = self.submissions(prepared)
        print("Serving with gunicorn, page cache off...", file=sys.stderr)
        with self.gunicorn(page_cache_seconds=0):
            uncached = self.throughputs({"plain Django view": PLAIN, **prepared["public"]})

        self.rows.insert(
            0,
            (
                f"0. machine: {MACHINE_ADDITIONS:,} additions in pure Python, before and after",
                f"{speed_before:.2f} s and {machine_speed():.2f} s",
                "",
                None,
            ),
        )
        self.public_rows(cached, uncached)
        self.submission_rows(submitted)
        self.latency_rows(latencies, large["sizes"])
        if not options.keep:
            self.memory_rows(self.small_memory, memory)
            self.query_rows(self.small, large)
        return self.report(large["sizes"])

    def admin_latencies(self, prepared):
        found = {}
        for label, (username, path) in prepared["admin"].items():
            cookie = f"sessionid={prepared['sessions'][username]}"
            found[label] = load.latency(
                HOST, PORT, path, max(5, self.options.runs), headers={"Cookie": cookie},
                warm=2 * self.options.workers,
            )  # fmt: skip
        return found

    def submissions(self, prepared):
        runs = []
        tokens = prepared["tokens"]
        per_run = self.options.submissions
        for run in range(self.options.runs):
            before = self.probe("stored")["responses"]
            acknowledged, refused, seconds = load.submit(
                HOST, PORT, prepared["questionnaire"], prepared["answers"],
                tokens[run * per_run : (run + 1) * per_run], self.options.concurrency,
            )  # fmt: skip
            stored = self.probe("stored")["responses"] - before
            runs.append((acknowledged / seconds, acknowledged, stored, refused))
        return runs

    # --- the table ------------------------------------------------------------------------------
    def public_rows(self, cached, uncached):
        for mode, rates, budget in (
            ("cached", cached, CACHED_RATIO),
            ("uncached", uncached, UNCACHED_RATIO),
        ):
            floor = rates["plain Django view"]
            self.add(f"1. plain Django view ({mode} run)", f"{floor:,.0f} req/s")
            for label, rate in rates.items():
                if label == "plain Django view":
                    continue
                ratio = rate / floor
                self.add(
                    f"1. {label}, {mode}",
                    f"{rate:,.0f} req/s = {ratio:.0%} of plain",
                    f">= {budget:.0%}",
                    ratio >= budget,
                )

    def submission_rows(self, runs):
        rate = statistics.median(r[0] for r in runs)
        acknowledged = sum(r[1] for r in runs)
        stored = sum(r[2] for r in runs)
        refused = sum(r[3] for r in runs)
        self.add(
            "2. questionnaire submissions",
            f"{rate:,.0f} per second",
            f">= {SUBMISSIONS_PER_SECOND}",
            rate >= SUBMISSIONS_PER_SECOND,
        )
        self.add(
            f"2. acknowledged / stored / refused, {len(runs)} runs together",
            f"{acknowledged:,} / {stored:,} / {refused:,}",
            "acknowledged = stored, 0 refused",
            acknowledged == stored and refused == 0,
        )

    def latency_rows(self, latencies, sizes):
        budgets = {
            "consultation results (admin)": RESULTS_SECONDS,
            "responses CSV export": CSV_SECONDS,
        }
        for label, seconds in latencies.items():
            budget = budgets.get(label)
            self.add(
                f"3. {label}",
                f"{seconds * 1000:,.0f} ms",
                f"< {budget * 1000:,.0f} ms" if budget else "",
                seconds < budget if budget else None,
            )

    def memory_rows(self, small, large):
        for label, found in large["memory"].items():
            before = small["memory"][label]
            self.add(
                f"3. {label}: peak memory in process",
                f"{before['peak_bytes'] / 2**20:.1f} MiB for {before['rows']:,} lines, "
                f"{found['peak_bytes'] / 2**20:.1f} MiB for {found['rows']:,}",
            )

    def query_rows(self, small, large):
        small_sizes, large_sizes = small["sizes"], large["sizes"]
        self.add(
            "5. data sizes (responses / advice)",
            f"{small_sizes['responses']:,} / {small_sizes['advice']:,} and "
            f"{large_sizes['responses']:,} / {large_sizes['advice']:,}",
        )
        for label, count in small["queries"].items():
            at_large = large["queries"][label]
            self.add(
                f"5. SQL queries: {label}",
                f"{count} and {at_large}",
                "the same at both sizes",
                count == at_large,
            )

    def report(self, sizes):
        width = max(len(row[0]) for row in self.rows)
        figure_width = max(len(row[1]) for row in self.rows)
        print(
            f"\nBenchmark: {sizes['responses']:,} responses in the open consultation, "
            f"{sizes['advice']:,} advice across {sizes['boroughs with advice']} boroughs; "
            f"medians of {self.options.runs} runs, {self.options.workers} gunicorn workers, "
            f"{os.cpu_count()} cores\n"
        )
        missed = 0
        for measure, figure, budget, met in self.rows:
            verdict = "" if met is None else ("ok" if met else "MISSED")
            missed += met is False
            print(f"{measure:<{width}}  {figure:>{figure_width}}  {budget:<34} {verdict}")
        print(f"\n{missed} budget(s) missed")
        return 1 if missed else 0

    def close(self):
        shutil.rmtree(self.static, ignore_errors=True)


def main():
    bench = Bench(parse())
    try:
        return bench.run()
    finally:
        bench.close()


if __name__ == "__main__":
    sys.exit(main())
