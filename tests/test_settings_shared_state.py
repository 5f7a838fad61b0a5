"""What several app servers share, as the settings say it: tasks in the database, caches in
the database or Redis (never a server's disk), a timeout on the mail server."""

import json
import os
import subprocess
import sys

from django.conf import settings

DUMP = (
    "import json, afpols_events.settings as s; "
    "print(json.dumps({'caches': s.CACHES, 'tasks': s.TASKS, 'timeout': s.EMAIL_TIMEOUT}))"
)


def settings_with(**env):
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "VAR_DIR": "/nonexistent/var"}
    result = subprocess.run(
        [sys.executable, "-c", DUMP],
        env={**base, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return json.loads(result.stdout)


def test_embedded_default_keeps_tasks_and_caches_in_the_database():
    found = settings_with()

    assert found["tasks"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    for alias in ("default", "documents"):
        assert found["caches"][alias]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert found["timeout"] > 0


def test_redis_url_moves_the_caches_to_redis():
    found = settings_with(
        REDIS_URL="redis://cache.invalid:6379/0", DOCUMENT_CACHE_URL="redis://cache.invalid:6379/1"
    )

    assert found["caches"]["default"]["LOCATION"] == "redis://cache.invalid:6379/0"
    assert found["caches"]["documents"]["LOCATION"] == "redis://cache.invalid:6379/1"
    shared = {alias: c for alias, c in found["caches"].items() if alias != "pages"}
    assert {c["BACKEND"] for c in shared.values()} == {
        "django.core.cache.backends.redis.RedisCache"
    }


def test_the_page_cache_stays_in_each_process():
    """Pages are keyed by the event's content version, read from the database on every
    request: an entry is never stale, so each process keeps its own (docs/performance.md)."""
    for found in (settings_with(), settings_with(REDIS_URL="redis://cache.invalid:6379/0")):
        assert found["caches"]["pages"]["BACKEND"] == (
            "django.core.cache.backends.locmem.LocMemCache"
        )
