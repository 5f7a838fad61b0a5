"""Logs never print a private token.

A private link (``/inscription/suivi/<token>/``) is as good as a password: anyone reading
an access log could open the registration. :class:`RedactTokensFilter` (on the handlers
of ``settings.LOGGING``: runserver's access lines, "Not Found: ..." warnings, errors) and
``afpols_events.gunicorn_logger.GunicornLogger`` (gunicorn's access log, selected in
``gunicorn.conf.py``) replace every token with ``[jeton]``.
"""

import logging
import re

# A token segment after /suivi/, and any other URL path segment as long as a token
# (secrets.token_urlsafe(32) gives 43 characters; a UUID, 36, is left readable).
_TOKEN = re.compile(r"(?<=/suivi/)[^/?#\s\"']+|(?<=/)[A-Za-z0-9_-]{40,}(?=[/?#\s\"']|$)")
REDACTED = "[jeton]"


def redact(text):
    return _TOKEN.sub(REDACTED, text) if isinstance(text, str) else text


class RedactTokensFilter(logging.Filter):
    """Rewrites a record's message, once formatted, without its tokens."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        # runserver keeps the request line apart too.
        if hasattr(record, "request") and isinstance(record.request, str):
            record.request = redact(record.request)
        return True
