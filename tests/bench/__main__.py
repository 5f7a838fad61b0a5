"""``make bench``: the app under gunicorn (2 sync workers, production settings, DEBUG off),
driven by wrk from 127.0.0.1, on SQLite and, when ``DATABASE_URL`` names one, PostgreSQL.

For each endpoint it prints requests/s, p50, p95, the ratio to a trivial 20 KB view measured
just before it at the same concurrency (the machine's load drifts), the SQL queries of one
request, and the workers' memory. Then it measures the staff pages and exports at scale
(``tests.bench.scale``, on PostgreSQL when given, else SQLite). Asserts nothing.

Options (environment): ``BENCH_SECONDS`` (per wrk run, default 8), ``BENCH_ONLY`` (e.g.
"agenda,post": only those endpoints, with the trivial view), ``BENCH_SCALE=0`` to skip the
at-scale part, ``BENCH_SCALE_ROWS`` (default "500,5000"). Needs wrk (Debian: ``wrk``).
"""

import html.parser
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LUA = Path(__file__).with_name("report.lua")
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
WORKERS = 2
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

# (key, label, target ratio to the trivial view); issue 13's table.
GET_ENDPOINTS = [
    ("event", "event page", 0.6),
    ("agenda", "agenda", 0.6),
    ("speakers", "speakers", 0.6),
    ("bulletin", "bulletin (GET)", 0.4),
    ("ics", "agenda .ics", 0.5),
    ("json", "programme.json", 0.5),
]
PDF_ENDPOINT = ("pdf", "agenda PDF, already cached", 0.5)
TRIVIAL = "/bench/trivial/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_django(env, module):
    result = subprocess.run(
        [sys.executable, "-m", module], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"{module} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


# -- HTTP helpers -------------------------------------------------------------------------


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request(method, path, body=body, headers={**PROXY_HEADERS, **(headers or {})})
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response, content


class FormReader(html.parser.HTMLParser):
    """The inputs of the bulletin: hidden values, and the first choice of each radio group."""

    def __init__(self):
        super().__init__()
        self.hidden = {}
        self.radios = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "input" or "name" not in attrs:
            return
        if attrs.get("type") == "hidden":
            self.hidden[attrs["name"]] = attrs.get("value", "")
        elif attrs.get("type") == "radio":
            self.radios.setdefault(attrs["name"], attrs.get("value", ""))


def bulletin_post(port, path):
    """Headers and a urlencoded body of a valid bulletin; ``BENCHID`` makes each one unique."""
    response, content = request(port, "GET", path)
    cookie = response.headers.get("Set-Cookie", "").split(";", 1)[0]
    form = FormReader()
    form.feed(content.decode())
    data = {
        **form.hidden,
        "last_name": "Durand BENCHID",
        "first_name": "Camille",
        "job_title": "Conseillère sociale",
        "email": "bench-BENCHID@example.org",
        "phone": "01 40 75 79 04",
        "organisation_name": "Paris Habitat",
        "member_number": "",
        "address": "21 bis rue Claude Bernard, 75005 Paris",
        "contact_person": "",
        "tariff": form.radios.get("tariff", ""),
        "workshop": form.radios.get("workshop", ""),
        "signed_place": "Paris",
        "signature": "Camille Durand BENCHID",
        "certified": "on",
        "privacy_consent": "on",
    }
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        # Django checks the Referer of HTTPS POSTs against the host.
        "Referer": f"https://127.0.0.1:{port}{path}",
    }
    return headers, urllib.parse.urlencode(data)


# -- gunicorn and memory ------------------------------------------------------------------


def start_server(env, port):
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "afpols_events.wsgi:application",
            f"--workers={WORKERS}",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "--timeout=300",  # a cold PDF on a busy machine outlasts the default 30 s
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(300):
        try:
            response, _content = request(port, "GET", TRIVIAL)
            if response.status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    sys.exit("gunicorn did not answer")


def workers(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def memory(server):
    """(current, peak) resident memory in MiB of the largest worker."""
    current = peak = 0.0
    for pid in workers(server):
        status = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
        current = max(current, int(status["VmRSS"].split()[0]) / 1024)
        peak = max(peak, int(status["VmHWM"].split()[0]) / 1024)
    return current, peak


# -- wrk ----------------------------------------------------------------------------------


def wrk(port, path, *, connections, headers=None, post_body=None, run_id="0", seconds=SECONDS):
    headers = {**PROXY_HEADERS, **(headers or {})}
    command = [
        "wrk",
        *("--threads", str(min(connections, 2))),
        *("--connections", str(connections)),
        *("--duration", f"{seconds}s"),
        *("--timeout", "30s"),
        *("--script", str(LUA)),
    ]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    env = {**os.environ, "BENCH_POST_BODY": post_body or "", "BENCH_RUN_ID": run_id}
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    fields = dict(part.split("=", 1) for part in line.split()[1:])
    requests = int(fields["requests"])
    return {
        "connections": connections,
        "rps": requests / float(fields["seconds"]),
        "p50": float(fields["p50"]),
        "p95": float(fields["p95"]),
        "errors": int(fields["errors"]),
        "statuses": fields["statuses"],
    }


def registration_posts(port, path, trivial):
    """Valid bulletins, each with its own e-mail, at concurrency 1 then 8."""
    headers, body = bulletin_post(port, path)
    response, _content = request(port, "POST", path, body.replace("BENCHID", "check"), headers)
    if response.status != 302:
        sys.exit(f"bulletin POST answered {response.status}, not 302")
    queries = response.headers.get("X-Bench-Queries", "?")
    rows = []
    for connections in (1, 8):
        reference = trivial(connections)
        result = wrk(
            port,
            path,
            connections=connections,
            headers=headers,
            post_body=body,
            run_id=f"c{connections}",
        )
        label = f"registration POST, c={connections}"
        rows.append(dict(label=label, target=None, queries=queries, trivial=reference, **result))
    return rows


# -- one database -------------------------------------------------------------------------


def bench_database(label, env, *, at_scale):
    print(f"\n## {label}\n", flush=True)
    setup = json.loads(run_django(env, "tests.bench.prepare").strip().splitlines()[-1])
    urls = setup["urls"]
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
    port = free_port()
    server = start_server({**env, "SITE_URL": f"https://127.0.0.1:{port}"}, port)
    rows = []

    def trivial(connections):
        """The yardstick, run just before each endpoint: the machine's load drifts."""
        return wrk(port, TRIVIAL, connections=connections)["rps"]

    def measure(key, name, target, path, *, connections=8):
        # Build once (a cold PDF takes seconds), warm both workers' caches, then read one
        # warm request's query count.
        request(port, "GET", path)
        wrk(port, path, connections=connections, seconds=1)
        response, _content = request(port, "GET", path)
        queries = response.headers.get("X-Bench-Queries", "?")
        reference = trivial(connections)
        result = wrk(port, path, connections=connections)
        rows.append(dict(label=name, target=target, queries=queries, trivial=reference, **result))

    try:
        started = memory(server)
        wrk(port, TRIVIAL, connections=8, seconds=1)
        for key, name, target in GET_ENDPOINTS:
            if not only or key in only:
                measure(key, name, target, urls[key])
        before_pdf = memory(server)
        if not only or "pdf" in only:
            measure(*PDF_ENDPOINT, urls[PDF_ENDPOINT[0]])
        if not only or "post" in only:
            rows.extend(registration_posts(port, urls["bulletin"], trivial))
        after = memory(server)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print(
        "| endpoint | conc. | req/s | p50 ms | p95 ms | trivial req/s | ratio | target "
        "| queries | answers |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        target = f"≥ {row['target']}" if row["target"] else ""
        errors = f" errors={row['errors']}" if row["errors"] else ""
        print(
            f"| {row['label']} | {row['connections']} | {row['rps']:.1f} | {row['p50']:.1f} "
            f"| {row['p95']:.1f} | {row['trivial']:.0f} | {row['rps'] / row['trivial']:.2f} "
            f"| {target} | {row['queries']} | {row['statuses']}{errors} |"
        )
    print(
        f"\nworker memory (largest of {WORKERS}): {started[0]:.0f} MiB after start, "
        f"{before_pdf[0]:.0f} MiB after the HTML pages (before any PDF), "
        f"peak {after[1]:.0f} MiB at the end",
        flush=True,
    )
    if at_scale and os.environ.get("BENCH_SCALE", "1") != "0":
        # Streams its table row by row: the 5,000-row PDFs take minutes.
        subprocess.run([sys.executable, "-m", "tests.bench.scale"], cwd=ROOT, env=env, check=True)


def postgres_database(url):
    """A throw-away database next to the one ``url`` names; returns its URL and a dropper."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_bench"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return urllib.parse.urlunsplit(parts._replace(path="/" + name)), drop


def main():
    if not shutil.which("wrk"):
        sys.exit("make bench needs wrk (Debian: apt-get install wrk)")
    var_dir = Path(tempfile.mkdtemp(prefix="afpols-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench.settings",
        "DJANGO_ENV": "production",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "VAR_DIR": str(var_dir),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    postgres_url = env.pop("DATABASE_URL", "")
    print(f"# make bench — {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(
        f"machine: {os.cpu_count()} CPU, {platform_summary()}; wrk {SECONDS} s per run, "
        f"gunicorn {WORKERS} sync workers"
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity=0"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": f"sqlite:///{var_dir / 'static.sqlite3'}"},
        check=True,
    )
    try:
        sqlite = {**env, "DATABASE_URL": f"sqlite:///{var_dir / 'bench.sqlite3'}"}
        on_postgres = postgres_url.startswith("postgres")
        # The at-scale part runs once: on PostgreSQL, production's database, when given.
        bench_database("SQLite", sqlite, at_scale=not on_postgres)
        if on_postgres:
            url, drop = postgres_database(postgres_url)
            try:
                bench_database("PostgreSQL", {**env, "DATABASE_URL": url}, at_scale=True)
            finally:
                drop()
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def platform_summary():
    import platform

    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = os.getloadavg()[0]
    return f"{model or platform.processor()}, Python {platform.python_version()}, load {load:.1f}"


if __name__ == "__main__":
    main()
