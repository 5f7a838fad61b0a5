"""Settings of the benchmark: the production settings, plus a trivial 20 KB view to compare
with and a header that counts each response's SQL queries. Never used outside ``make bench``
(the trivial view and the counter do not exist in the project's own URLs and settings)."""

from afpols_events.settings import *  # noqa: F403
from afpols_events.settings import MIDDLEWARE

ROOT_URLCONF = "tests.bench.urls"
MIDDLEWARE = ["tests.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

# One client sends thousands of bulletins a minute from 127.0.0.1: rate limits (if any)
# would answer 429 instead of measuring the registration.
RATELIMIT_ENABLE = False
