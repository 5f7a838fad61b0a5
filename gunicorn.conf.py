"""Gunicorn settings read from the working directory: the access log never prints a
private token (afpols_events.gunicorn_logger)."""

logger_class = "afpols_events.gunicorn_logger.GunicornLogger"
accesslog = "-"
