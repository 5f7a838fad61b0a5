"""Background tasks (django-tasks): inline by default, a worker in production."""

from django_tasks import task

from . import emails
from .models import Registration


def _registration(registration_id):
    return Registration.objects.select_related("event", "tariff", "workshop__slot", "member").get(
        pk=registration_id
    )


@task()
def send_participant_email(registration_id, kind):
    emails.participant_message(_registration(registration_id), kind).send()


@task()
def send_staff_notification(registration_id, kind):
    emails.staff_message(_registration(registration_id), kind).send()
