"""``make bench``: the app under gunicorn with production settings, driven by wrk.

See ``docs/performance.md`` for what is measured and the latest results.
"""
