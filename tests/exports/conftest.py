import pytest

from afpols_events.documents import pdf_rendered


@pytest.fixture
def rendered_pdfs():
    """Template names of the PDFs really rendered (not served from the cache) meanwhile."""
    rendered = []

    def record(sender, template_name, **kwargs):
        rendered.append(template_name)

    pdf_rendered.connect(record, weak=False)
    yield rendered
    pdf_rendered.disconnect(record)
