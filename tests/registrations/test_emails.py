"""E-mails (locmem backend): participant and staff, after commit, PDF attached, escaped."""

import pytest
from django.core import mail

from registrations import services
from registrations.enums import RegistrationStatus

STAFF = "v.esteban.afpols@union-habitat.org"
SCRIPT = "<script>alert('x')</script>"


def create(event, data, **kwargs):
    return services.registration_create(event=event, bulletin=services.Bulletin(**data), **kwargs)


def test_emails_are_sent_only_after_commit(event, make_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        create(event, make_data(email="camille@example.org"))
        assert mail.outbox == []

    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mail.outbox) == ["camille@example.org", STAFF]


def test_refused_registration_sends_no_email(event, make_data, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.MembershipNotVerified),
    ):
        create(event, make_data(organisation_name="Inconnu"))

    assert mail.outbox == []


@pytest.fixture
def sent(event, make_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = create(event, make_data(email="camille@example.org"))
    participant = next(m for m in mail.outbox if m.to == ["camille@example.org"])
    staff = next(m for m in mail.outbox if m.to == [STAFF])
    return registration, participant, staff


def test_participant_email_has_summary_private_link_and_pdf(sent, settings):
    registration, message, _ = sent
    html = message.alternatives[0][0]

    assert message.subject == (
        f"Votre inscription est enregistrée — {registration.reference} — {registration.event.title}"
    )
    assert message.reply_to == [registration.event.contact_email]
    link = settings.SITE_URL + registration.get_absolute_url()
    assert link in message.body and link in html
    for text in [registration.reference, "Confirmée", "1\u202f750\u00a0€", "Paris Habitat"]:
        assert text in message.body and text in html
    assert message.alternatives[0][1] == "text/html"
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"confirmation-{registration.reference}.pdf"
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")


def test_staff_notification_names_the_registration(sent):
    registration, _, message = sent

    assert message.subject.startswith(f"[RF2012] Nouvelle inscription : {registration.reference}")
    assert message.reply_to == [registration.email]
    assert "/admin/" in message.body
    assert registration.organisation_name in message.body


def test_html_typed_by_the_participant_is_escaped_in_html_emails(
    event, make_data, django_capture_on_commit_callbacks
):
    data = make_data(
        first_name=SCRIPT,
        job_title=SCRIPT,
        address=SCRIPT,
        contact_person=SCRIPT,
        signed_place=SCRIPT,
        signature=f"{SCRIPT} Martin",
    )
    with django_capture_on_commit_callbacks(execute=True):
        create(event, data)

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        # Plain text is text: shown as typed, not entity-encoded.
        assert SCRIPT in message.body
        assert "\n" not in message.subject


@pytest.mark.parametrize(
    ("action", "headline"),
    [
        ("confirm", "Votre inscription est confirmée"),
        ("record_membership", "L'adhésion de votre organisme est enregistrée"),
    ],
)
def test_staff_status_changes_email_the_participant(
    event, make_data, django_capture_on_commit_callbacks, action, headline
):
    registration = create(
        event, make_data(organisation_name="Inconnu"), allow_pending_membership=True
    )
    if action == "confirm":
        registration.membership_state = "verified"
        registration.save()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        if action == "confirm":
            services.registration_confirm(registration=registration)
        else:
            services.registration_record_membership(registration=registration)

    [message] = mail.outbox
    assert message.to == [registration.email]
    assert message.subject.startswith(headline)
    assert message.attachments  # The updated confirmation.


def test_promotion_and_staff_cancellation_email_the_participant(
    event, make_data, django_capture_on_commit_callbacks
):
    event.seat_capacity = 1
    event.save()
    first = create(event, make_data())
    waiting = create(event, make_data(), join_waiting_list=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=first, by_staff=True)
        services.registration_promote(registration=waiting)

    assert [(m.to[0], m.subject.split(" — ")[0]) for m in mail.outbox] == [
        (first.email, "Votre inscription est annulée"),
        # The freed place is first offered automatically; staff then promote by hand.
        (waiting.email, "Une place s'est libérée : elle vous attend"),
        (waiting.email, "Une place s'est libérée pour vous"),
    ]


def test_participant_cancellation_also_tells_the_staff(
    event, make_data, django_capture_on_commit_callbacks
):
    registration = create(event, make_data())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([registration.email, STAFF])


def test_resend_confirmation_sends_it_again(event, make_data, django_capture_on_commit_callbacks):
    registration = create(event, make_data())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_resend_confirmation(registration=registration)

    [message] = mail.outbox
    assert message.subject.startswith("Votre inscription — ")
    assert message.attachments


def test_registration_through_the_browser_sends_both_emails(
    client, register_url, post_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url, post_data())

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["camille.martin@example.org", STAFF]


def test_waiting_list_email_says_no_place_is_held(
    event, make_data, django_capture_on_commit_callbacks
):
    event.seat_capacity = 0
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration = create(event, make_data(), join_waiting_list=True)

    assert registration.status == RegistrationStatus.WAITING_LIST
    participant = next(m for m in mail.outbox if m.to == [registration.email])
    assert "aucune place ne vous est encore réservée" in participant.body
