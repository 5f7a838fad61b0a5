"""The bulletin's queries do not grow with the registrations: a cached visit reads three
small rows (the event's stamp, the places left, the member list's stamp), and a valid
submission runs the same queries whether it is the first registration or the fortieth."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from registrations.models import Registration

pytestmark = pytest.mark.django_db


def test_a_cached_bulletin_visit_runs_three_queries_whatever_the_registrations(
    register_url, post_data, django_assert_num_queries
):
    Client().get(register_url)  # builds and caches the page
    with django_assert_num_queries(3):
        assert Client().get(register_url).status_code == 200

    for index in range(20):
        data = post_data(email=f"personne{index}@example.org", last_name=f"Martin{index}")
        data["signature"] = f"Camille Martin{index}"
        assert Client().post(register_url, data).status_code == 302
    Client().get(register_url)  # places left changed: a new page is cached
    with django_assert_num_queries(3):
        assert Client().get(register_url).status_code == 200


def post_queries(register_url, data):
    with CaptureQueriesContext(connection) as queries:
        response = Client().post(register_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return [query["sql"] for query in queries]


def test_a_registration_post_runs_the_same_queries_for_the_first_and_the_fortieth(
    register_url, post_data
):
    first = post_queries(register_url, post_data())
    for index in range(40):
        data = post_data(email=f"personne{index}@example.org", last_name=f"Martin{index}")
        data["signature"] = f"Camille Martin{index}"
        Client().post(register_url, data)
    assert Registration.objects.count() == 41
    data = post_data(email="derniere@example.org", last_name="Durand", signature="Camille Durand")
    fortieth = post_queries(register_url, data)

    assert len(fortieth) == len(first)
    # Places are counted in one statement each time (the form, then under the lock).
    counts = [sql for sql in fortieth if sql.startswith("SELECT 'taken'")]
    assert len(counts) == 2
    # The chosen tariff and workshop are read once, by the form's fields.
    others = [sql for sql in fortieth if not sql.startswith("SELECT 'taken'")]
    assert len([sql for sql in others if 'FROM "registrations_tariff"' in sql]) == 1
    assert len([sql for sql in others if 'FROM "programme_workshop"' in sql]) == 1


def constraint_fields(constraint):
    """The model fields a constraint reads."""
    from django.db.models import Q

    names = set(getattr(constraint, "fields", ()) or ())
    condition = getattr(constraint, "condition", None)
    stack = [condition] if condition is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, Q):
            stack.extend(node.children)
        elif isinstance(node, tuple):
            names.add(node[0].split("__")[0])
    return names


def test_every_registration_constraint_reads_a_field_the_bulletin_does_not_have():
    """The bulletin leaves the constraints to the service and the database: none of them
    can be broken by the fields typed in it alone (else the form must check it)."""
    from registrations.forms import RegistrationForm

    typed = set(RegistrationForm._meta.fields)
    for constraint in Registration._meta.constraints:
        read = constraint_fields(constraint)
        assert read, constraint.name
        assert read - typed, f"{constraint.name} reads only bulletin fields: {read}"
