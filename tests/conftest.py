"""Fixtures shared by every test folder: isolated settings, the real 2012 event loaded
from its YAML file, a superuser. Factories and builders are in ``tests/factories.py``."""

import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def pytest_configure(config):
    """Compile the French catalogue as `make test` does, when pytest is run on its own."""
    if hasattr(config, "workerinput"):  # an xdist worker: the controller did it
        return
    compiled = CATALOGUE.with_suffix(".mo")
    if compiled.exists() and compiled.stat().st_mtime >= CATALOGUE.stat().st_mtime:
        return
    if shutil.which("msgfmt") is None:
        raise pytest.UsageError("msgfmt (GNU gettext) is needed to compile " + str(CATALOGUE))
    subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(CATALOGUE)], check=True)


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    """Tests never touch the developer's files nor send real mail."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Many tests post from one address; the rate-limit tests turn the limits back on.
    settings.RATELIMIT_ENABLE = False
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
        "documents": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"documents-{tmp_path}",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"pages-{tmp_path}",
        },
    }
    # Tasks run inline; tests of the real worker switch to django_tasks_db themselves.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


SEED_FILE = django_settings.BASE_DIR / "programme" / "data" / "rencontres-2012.yaml"
SEED_SLUG = "rencontres-formation-2012"


def load_seed_event(path=SEED_FILE):
    """The real 2012 event, loaded from its YAML file by the ``load_event`` command."""
    from programme.models import Event

    call_command("load_event", str(path), stdout=StringIO())
    return Event.objects.get(slug=SEED_SLUG)


@pytest.fixture
def seed_event(db):
    return load_seed_event()


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client
