import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from registrations.admin.permissions import STAFF_GROUP_NAME, STAFF_PERMISSIONS

pytestmark = pytest.mark.django_db


def run(command):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_setup_staff_group_gives_exactly_the_listed_permissions_and_is_idempotent():
    run("setup_staff_group")
    run("setup_staff_group")
    group = Group.objects.get(name=STAFF_GROUP_NAME)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename").distinct())
    assert codenames == set(STAFF_PERMISSIONS)
    assert Group.objects.filter(name=STAFF_GROUP_NAME).count() == 1


def test_setup_staff_group_removes_a_permission_added_by_hand():
    run("setup_staff_group")
    group = Group.objects.get(name=STAFF_GROUP_NAME)
    group.permissions.add(Permission.objects.get(codename="delete_registration"))
    run("setup_staff_group")
    assert not group.permissions.filter(codename="delete_registration").exists()


def test_ensure_staff_account_creates_victoria_once_with_a_printed_password():
    first = run("ensure_staff_account")
    password = re.search(r"mot de passe « (\S+) »", first).group(1)
    user = get_user_model().objects.get(username="victoria")
    assert user.is_staff and not user.is_superuser
    assert user.check_password(password)
    assert list(user.groups.values_list("name", flat=True)) == [STAFF_GROUP_NAME]

    second = run("ensure_staff_account")
    assert password not in second
    assert "changepassword victoria" in second
    user.refresh_from_db()
    assert user.check_password(password)
    assert get_user_model().objects.filter(username="victoria").count() == 1


def test_ensure_staff_account_puts_an_existing_victoria_back_in_the_group():
    get_user_model().objects.create_user(username="victoria", password="x")
    run("ensure_staff_account")
    user = get_user_model().objects.get(username="victoria")
    assert user.is_staff
    assert user.groups.filter(name=STAFF_GROUP_NAME).exists()
