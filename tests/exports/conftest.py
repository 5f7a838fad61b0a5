from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from afpols_events.documents import pdf_rendered
from programme.models import Event

SEED_FILE = settings.BASE_DIR / "programme" / "data" / "rencontres-2012.yaml"
SEED_SLUG = "rencontres-formation-2012"


def load_seed_event():
    """The real 2012 event, loaded from its YAML file by the ``load_event`` command."""
    call_command("load_event", str(SEED_FILE), stdout=StringIO())
    return Event.objects.get(slug=SEED_SLUG)


@pytest.fixture
def seed_event(db):
    return load_seed_event()


@pytest.fixture
def rendered_pdfs():
    """Template names of the PDFs really rendered (not served from the cache) meanwhile."""
    rendered = []

    def record(sender, template_name, **kwargs):
        rendered.append(template_name)

    pdf_rendered.connect(record, weak=False)
    yield rendered
    pdf_rendered.disconnect(record)
