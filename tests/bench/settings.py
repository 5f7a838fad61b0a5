"""Settings of the benchmark: the production settings, plus a trivial 20 KB view to compare
with and a header that counts each response's SQL queries. Never used outside ``make bench``
(the trivial view and the counter do not exist in the project's own URLs and settings)."""

from afpols_events.settings import *  # noqa: F403
from afpols_events.settings import INSTALLED_APPS, MIDDLEWARE, TASKS

ROOT_URLCONF = "tests.bench.urls"
MIDDLEWARE = ["tests.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

# One client sends thousands of bulletins a minute from 127.0.0.1: rate limits (if any)
# would answer 429 instead of measuring the registration.
RATELIMIT_ENABLE = False

# Production runs tasks in a worker: a registration POST only enqueues them. With the
# embedded default (tasks run inline), queue them as production would; no worker runs
# during the benchmark, so no e-mail is sent and no PDF made.
if TASKS["default"]["BACKEND"].endswith("ImmediateBackend"):
    QUEUE = (
        "django_tasks_db.DatabaseBackend"
        if "django_tasks_db" in INSTALLED_APPS
        else "django_tasks.backends.dummy.DummyBackend"
    )
    TASKS = {"default": {"BACKEND": QUEUE}}
