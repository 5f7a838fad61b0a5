"""The bulletin's fixtures (an open event, tariffs, workshops, a member) and a staff user."""

from tests.backoffice.conftest import staff_client, staff_user  # noqa: F401
from tests.registrations.conftest import (  # noqa: F401
    event,
    lapsed_member,
    make_data,
    member,
    post_data,
    register_url,
    tariffs,
    workshops,
)
