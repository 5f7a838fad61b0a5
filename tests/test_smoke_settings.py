import subprocess
import sys

from django.conf import settings


def test_time_zone_and_language_are_french():
    assert settings.TIME_ZONE == "Europe/Paris"
    assert settings.LANGUAGE_CODE == "fr"


def test_production_refuses_to_start_without_secret_key():
    code = "import afpols_events.settings"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_ENV": "production", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
