"""Queueing a task from inside the transaction whose rows it will read."""

from functools import partial

from django.db import DEFAULT_DB_ALIAS, router, transaction


def _queue_is_a_table_of(using, task):
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    return isinstance(task.get_backend(), DatabaseBackend) and (
        router.db_for_write(DBTaskResult) == using
    )


def enqueue_with_transaction(task, *args, using=DEFAULT_DB_ALIAS):
    """Queue ``task(*args)`` so that it runs only if the current transaction commits.

    When the queue is a table of the same database (django-tasks-db, production), the
    task's row is written in the transaction itself: one commit for both (a registration
    POST on PostgreSQL saved two of its four fsyncs, docs/performance.md), the worker
    cannot see it before, and a rollback takes it back with the rest. Any other backend
    (the immediate one runs the task at once) is called once the transaction commits.
    """
    if transaction.get_connection(using).in_atomic_block and _queue_is_a_table_of(using, task):
        task.enqueue(*args)
    else:
        transaction.on_commit(partial(task.enqueue, *args), using=using)
