import os
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


def test_a_fresh_checkout_without_var_folder_migrates_its_sqlite_database(tmp_path):
    var_dir = tmp_path / "nouveau" / "var"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["VAR_DIR"] = str(var_dir)
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "--verbosity", "0"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (var_dir / "db.sqlite3").is_file()
