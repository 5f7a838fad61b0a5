"""Gunicorn's access log without private tokens (``gunicorn.conf.py`` selects it)."""

from gunicorn.glogging import Logger

from .logging import redact


class GunicornLogger(Logger):
    """Request line, path, query string and headers (the referrer) redacted."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) for key, value in atoms.items()}
