import pytest
from django.contrib.auth import get_user_model

from registrations.admin.permissions import staff_group_setup


@pytest.fixture
def staff_user(db):
    """A staff user in the "Gestion des inscriptions" group, not a superuser."""
    user = get_user_model().objects.create_user(
        username="victoria-test", password="irrelevant", is_staff=True
    )
    user.groups.add(staff_group_setup())
    return user


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
