"""A task queued with the transaction that made its rows: in that transaction when the
queue is a table of the same database (one commit; a rollback takes it back), after the
commit with any other backend (the immediate one would run it on uncommitted rows)."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from registrations import notifications
from registrations.enums import MessageKind
from registrations.models import OutgoingMessage
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def sends():
    return DBTaskResult.objects.filter(task_path=notifications.send_message.module_path)


def test_the_task_row_is_written_in_the_transaction_of_its_message(database_tasks):
    registration = RegistrationFactory()
    with transaction.atomic():
        message = notifications.notify(registration, MessageKind.REGISTERED)
        queued = sends().get()  # already there, before the commit
        assert queued.args_kwargs["args"] == [message.pk]

    assert sends().count() == 1


def test_a_rollback_takes_the_task_back_with_the_message(database_tasks):
    registration = RegistrationFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        notifications.notify(registration, MessageKind.REGISTERED)
        raise RuntimeError("the registration fails after the message was recorded")

    assert not OutgoingMessage.objects.exists()
    assert not sends().exists()


def test_another_backend_is_called_once_the_transaction_commits(mailoutbox):
    registration = RegistrationFactory()
    with transaction.atomic():
        notifications.notify(registration, MessageKind.REGISTERED)
        assert mailoutbox == []  # the immediate backend has not run it yet

    assert len(mailoutbox) == 1
