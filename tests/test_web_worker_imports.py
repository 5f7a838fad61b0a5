"""A web worker loads WeasyPrint and the other document libraries only when it makes a
document: starting the app and resolving every URL imports none of them (a worker's
memory before any PDF is measured by ``make bench``)."""

import subprocess
import sys

from django.conf import settings

HEAVY = ["weasyprint", "segno", "icalendar", "openpyxl", "pypdf"]

PROBE = f"""
import sys
import django
from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

get_wsgi_application()
get_resolver().url_patterns  # every view module, the admin's included
loaded = [name for name in {HEAVY!r} if name in sys.modules]
print(",".join(loaded))
"""


def test_starting_the_app_loads_no_document_library():
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "afpols_events.settings", "PATH": "/usr/bin:/bin"},
    )

    assert result.stdout.strip() == ""
