"""The "Gestion des inscriptions" group: exactly what the registration staff needs.

Why each permission (Victoria runs the sign-ups, she does not edit the programme):
- registrations: view and change (correct a typo in a bulletin, run the actions:
  confirm, cancel, promote, issue invoices, resend). No "add": a registration is
  created through the public bulletin, which applies numbering, capacities and the
  membership check; no "delete": cancelling keeps the history, deleting would not.
- invoices and credit notes: view only (issued by an action on registrations, never
  changed nor deleted); payments: view and add (recorded through the invoice's page);
  AFPOLS's identity: view (a superuser edits it).
- member organisations: view, add and change (edit a member, import the list; the
  import needs add + change). No delete: a lapsed member is kept with its dates.
- event, tariffs, workshops: view and change, because staff sets the registration window
  and the capacities (seats, hotel rooms, workshop places); the admin shows every other
  field of them read-only to non-superusers (``programme.admin``'s
  ``RegistrationSettingsOnlyMixin``): the event's public content is the organisers'.
  Programme items and speakers: view only (filters, dashboard, sheets).
- offers of freed places: view only (they follow the waiting-list rules).
- attendance: view, add and delete (check people in at the door, by scan or from the
  half-day's list, and untick a mistake). No change: a presence is there or it is not.
- training details of an event (règlement intérieur, practical details, terms): view,
  add and change: staff write the convocation's texts.
- satisfaction survey: questions view, add, change, delete (staff set the questionnaire
  of each event); responses view only (what participants answered is never edited).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

STAFF_GROUP_NAME = "Gestion des inscriptions"

STAFF_PERMISSIONS = (
    ("registrations", "view_registration"),
    ("registrations", "change_registration"),
    ("registrations", "view_memberorganisation"),
    ("registrations", "add_memberorganisation"),
    ("registrations", "change_memberorganisation"),
    ("registrations", "view_invoice"),
    ("registrations", "view_payment"),
    ("registrations", "add_payment"),
    ("registrations", "view_trainingbodyidentity"),
    ("registrations", "view_waitinglistoffer"),
    ("programme", "view_tariff"),
    ("registrations", "view_attendance"),
    ("registrations", "add_attendance"),
    ("registrations", "delete_attendance"),
    ("registrations", "view_surveyquestion"),
    ("registrations", "add_surveyquestion"),
    ("registrations", "change_surveyquestion"),
    ("registrations", "delete_surveyquestion"),
    ("registrations", "view_surveyresponse"),
    ("registrations", "view_eventtraining"),
    ("registrations", "add_eventtraining"),
    ("registrations", "change_eventtraining"),
    ("programme", "change_tariff"),
    ("programme", "view_event"),
    ("programme", "change_event"),
    ("programme", "view_programmeitem"),
    ("programme", "view_workshop"),
    ("programme", "change_workshop"),
    ("programme", "view_speaker"),
)


@transaction.atomic
def staff_group_setup():
    """Create or update the group so it holds exactly :data:`STAFF_PERMISSIONS`."""
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP_NAME)
    permissions = []
    for app_label, codename in STAFF_PERMISSIONS:
        # get() raises if a permission is missing: better a loud failure than a
        # group silently lacking a right.
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    group.permissions.set(permissions)
    return group
