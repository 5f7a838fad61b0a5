"""A registration POST saves, commits and redirects: no PDF and no e-mail in the request.

The confirmation PDF and the e-mails are made by the task worker; the private page says
the confirmation is on its way until the worker has made it, and the link makes it on
demand if the participant asks first.
"""

import pytest
from django.core import mail
from django_tasks import default_task_backend

from afpols_events.documents import pdf_rendered
from registrations.models import Registration

# Real commits: tasks are enqueued when the request's transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def rendered_pdfs():
    """Template names of the PDFs really rendered meanwhile."""
    rendered = []

    def record(sender, template_name, **kwargs):
        rendered.append(template_name)

    pdf_rendered.connect(record, weak=False)
    yield rendered
    pdf_rendered.disconnect(record)


@pytest.fixture
def queued_tasks(settings):
    """Tasks wait in a queue, as with a worker in production; ``run()`` plays the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()

    def run():
        for result in list(default_task_backend.results):
            result.task.call(*result.args, **result.kwargs)
        default_task_backend.clear()

    return run


def test_the_post_and_the_private_page_make_no_pdf_and_send_no_mail(
    client, register_url, post_data, queued_tasks, rendered_pdfs
):
    response = client.post(register_url, post_data(), follow=True)

    assert response.status_code == 200
    assert Registration.objects.count() == 1
    assert rendered_pdfs == []
    assert mail.outbox == []
    assert len(default_task_backend.results) == 2  # participant's and staff's e-mails
    page = response.content.decode()
    assert "Votre confirmation (PDF) est en préparation" in page


def test_the_private_page_offers_the_pdf_once_the_worker_made_it(
    client, register_url, post_data, queued_tasks, rendered_pdfs
):
    private_url = client.post(register_url, post_data())["Location"]

    queued_tasks()
    page = client.get(private_url).content.decode()

    assert rendered_pdfs == ["registrations/pdf/confirmation.html"]
    assert len(mail.outbox) == 2
    assert "Télécharger ma confirmation (PDF)" in page
    assert "en préparation" not in page


def test_the_confirmation_asked_before_the_worker_is_made_on_demand(
    client, register_url, post_data, queued_tasks, rendered_pdfs
):
    registration_url = client.post(register_url, post_data())["Location"]
    registration = Registration.objects.get()

    response = client.get(f"{registration_url}confirmation.pdf")
    queued_tasks()

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    # The worker finds it made: the e-mail attaches the same PDF without rendering again.
    assert rendered_pdfs == ["registrations/pdf/confirmation.html"]
    assert mail.outbox[0].attachments[0][0] == f"confirmation-{registration.reference}.pdf"
