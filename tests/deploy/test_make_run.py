"""`make serve`, the end of `make run`: the web server and the task worker start together
(honcho, Procfile.dev) and stop together, on Ctrl-C and when make itself is killed."""

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.deploy.http_client import Browser
from tests.mail_servers import free_port

DEADLINE = 90  # seconds: a bound on waiting, never an assertion on speed

pytestmark = [
    pytest.mark.skipif(shutil.which("make") is None, reason="needs make"),
    # It runs its own SQLite database: once is enough, in the SQLite pass of the suite.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs in the SQLite pass",
    ),
]


def clean_env(var_dir):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "VAR_DIR", "REDIS_", "PYTEST_"))
    }
    env["VAR_DIR"] = str(var_dir)
    return env


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    for command in (["migrate", "--no-input"], ["createcachetable"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "--verbosity", "0"],
            cwd=settings.BASE_DIR,
            env=clean_env(var_dir),
            check=True,
        )
    return var_dir


def alive_in_group(pgid):
    """Processes of process group ``pgid`` that are still running (zombies excluded)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            alive.append(int(stat.parent.name))
    return alive


def wait_for(condition, output):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail("gave up waiting; output:\n" + "".join(output)[-3000:])


@pytest.mark.parametrize("stop", ["kill make", "ctrl-c"])
def test_make_serve_runs_server_and_worker_and_stops_both(var_dir, stop):
    port = free_port()
    venv = Path(sys.prefix)  # The virtualenv running the tests.
    make = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}", f"VENV={venv}"],
        cwd=settings.BASE_DIR,
        env=clean_env(var_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # Its own group, as a terminal gives a foreground job.
    )
    output = []
    reader = threading.Thread(target=lambda: output.extend(make.stdout), daemon=True)
    reader.start()
    try:

        def started():
            return dict(re.findall(r"(web|worker)\.1 started \(pid=(\d+)\)", "".join(output)))

        def ready():
            if make.poll() is not None:
                pytest.fail("make stopped:\n" + "".join(output)[-3000:])
            try:
                answers = Browser().get(f"http://127.0.0.1:{port}/").status < 500
            except OSError:
                answers = False
            return answers and "Starting worker" in "".join(output) and len(started()) == 2

        wait_for(ready, output)
        groups = {name: int(pid) for name, pid in started().items()}
        assert all(alive_in_group(pgid) for pgid in groups.values())

        if stop == "kill make":
            make.send_signal(signal.SIGTERM)
        else:  # Ctrl-C in a terminal signals the whole foreground group.
            os.killpg(make.pid, signal.SIGINT)
        make.wait(timeout=DEADLINE)

        wait_for(lambda: not any(alive_in_group(pgid) for pgid in groups.values()), output)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()
    with pytest.raises(OSError):
        Browser().get(f"http://127.0.0.1:{port}/")
