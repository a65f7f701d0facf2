"""A small, bounded HTTP load generator for 127.0.0.1: a fixed number of threads, each with its
own connection per request (gunicorn's sync workers close every connection), counting what
came back. Standard library only, so the benchmark needs nothing the project does not."""

import http.client
import re
import statistics
import threading
import time
import urllib.parse

TIMEOUT = 30


def request(host, port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, response.getheaders(), content
    finally:
        connection.close()


def throughput(host, port, path, seconds, concurrency, headers=None):
    """Requests per second answered 200 over ``seconds``, and how many were not."""
    deadline = time.perf_counter() + seconds
    counts = {"ok": 0, "failed": 0}
    lock = threading.Lock()

    def work():
        ok = failed = 0
        while time.perf_counter() < deadline:
            try:
                status, _headers, _body = request(host, port, "GET", path, headers=headers)
            except OSError:
                status = None
            if status == 200:
                ok += 1
            else:
                failed += 1
        with lock:
            counts["ok"] += ok
            counts["failed"] += failed

    elapsed = in_threads(work, concurrency)
    return counts["ok"] / elapsed, counts["failed"]


def in_threads(work, concurrency):
    """Run ``work`` in ``concurrency`` threads at once; the seconds until the last finished."""
    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def latency(host, port, path, runs, headers=None, warm=1):
    """Median seconds for the whole response (every byte of an export), one request at a time,
    after ``warm`` requests to warm up (enough for every server process to have answered one:
    a process's first answer also loads and compiles what the page needs)."""
    timings = []
    for run in range(warm + runs):
        started = time.perf_counter()
        status, _headers, _body = request(host, port, "GET", path, headers=headers)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        if run >= warm:
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def form_session(host, port, path):
    """What a browser holds after opening the questionnaire: the CSRF cookie and form token."""
    status, headers, body = request(host, port, "GET", path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    cookie = next(
        value.split(";")[0]
        for name, value in headers
        if name.lower() == "set-cookie" and value.startswith("csrftoken=")
    )
    return cookie, CSRF_FIELD.search(body).group(1).decode()


def submit(host, port, path, answers, tokens, concurrency):
    """Send one questionnaire per token; return (acknowledged, refused, seconds).

    Acknowledged means the site sent the person to their receipt, as a browser would see it."""
    cookie, csrf = form_session(host, port, path)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "Referer": f"http://{host}:{port}{path}",
    }
    queue = list(tokens)
    lock = threading.Lock()
    counts = {"acknowledged": 0, "refused": 0}

    def work():
        while True:
            with lock:
                if not queue:
                    return
                token = queue.pop()
            data = dict(answers, form_token=token, csrfmiddlewaretoken=csrf)
            body = urllib.parse.urlencode(data, doseq=True)
            try:
                status, reply, _content = request(host, port, "POST", path, body, headers)
            except OSError:
                status, reply = None, []
            location = {k.lower(): v for k, v in reply}.get("location", "")
            key = "acknowledged" if status == 302 and "/receipt/" in location else "refused"
            with lock:
                counts[key] += 1

    elapsed = in_threads(work, concurrency)
    return counts["acknowledged"], counts["refused"], elapsed
