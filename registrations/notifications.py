"""E-mails about a registration: one table from a kind of message to how it is made.

Services call :func:`notify`, which records the message in the registration's outbox
(an ``OutgoingMessage`` row, in the caller's transaction) and enqueues :func:`send_message`
with that transaction (``afpols_events.task_queue``): nothing leaves for a rolled-back
transaction, and a failing mail never undoes a registration. The task runs in the
worker (``db_worker``): it builds the message from its template set
(``templates/emails/registrations/<set>/subject.txt, body.txt, body.html``), the headline
and the attachments of its row in :data:`MESSAGES`, sends it and records the outcome;
a failure is tried again later (``registrations/outbox.py``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from afpols_events.formatting import format_date, format_time
from afpols_events.task_queue import enqueue_with_transaction
from afpols_events.text import split_lines

from . import issuing, outbox
from .documents import confirmation
from .enums import InvoiceKind, MessageKind, SurveyPhase
from .models import Invoice, OutgoingMessage, Registration
from .selectors import next_steps, private_url, summary_sections, workshop_label

TEMPLATE_DIR = "emails/registrations"

PARTICIPANT = "participant"
STAFF = "staff"
# The bulletin's billing e-mail, or the participant's when there is none.
BILLING = "billing"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def confirmation_attachment(registration):
    document = confirmation.ConfirmationDocument(registration)
    return Attachment(document.filename, document.pdf().content, "application/pdf")


def _latest(registration, kind):
    return (
        Invoice.objects.filter(kind=kind, lines__registration=registration)
        .order_by("-year", "-sequence")
        .first()
    )


def latest_invoice(registration):
    return {"invoice": _latest(registration, InvoiceKind.INVOICE)}


def latest_credit_note(registration):
    return {"invoice": _latest(registration, InvoiceKind.CREDIT_NOTE)}


def invoice_attachment(registration):
    """The stored PDF of the registration's latest invoice, as issued (never re-rendered)."""
    invoice = _latest(registration, InvoiceKind.INVOICE)
    return invoice and Attachment(invoice.filename, invoice.pdf_bytes, "application/pdf")


def credit_note_attachment(registration):
    invoice = _latest(registration, InvoiceKind.CREDIT_NOTE)
    return invoice and Attachment(invoice.filename, invoice.pdf_bytes, "application/pdf")


def survey_link(phase):
    """Template context with the absolute link to the ``phase`` questionnaire."""

    def context(registration):
        path = reverse("registrations:survey", kwargs={"token": registration.token, "phase": phase})
        return {"survey_url": settings.SITE_URL + path}

    return context


@dataclass(frozen=True)
class Message:
    template_set: str
    headline: str
    audience: str = PARTICIPANT
    # Callables taking the registration and returning an Attachment (or None for none).
    attachments: tuple = ()
    # A callable taking the registration and returning more template context, or None.
    extra_context: object = None
    # Attach the training documents recorded with the outbox row (``issuing``).
    issued_documents: bool = False


def offer_context(registration):
    """The latest offer of a freed place to ``registration``: its link and its deadline."""
    offer = registration.offers.order_by("-offered_at", "-pk").first()
    if offer is None:
        return {}
    return {
        "offer": offer,
        "offer_url": settings.SITE_URL + offer.get_absolute_url(),
        "offer_deadline": _("%(date)s à %(time)s")
        % {"date": format_date(offer.expires_at), "time": format_time(offer.expires_at)},
    }


MESSAGES = {
    MessageKind.REGISTERED: Message(
        "confirmation",
        _("Votre inscription est enregistrée"),
        attachments=(confirmation_attachment,),
    ),
    MessageKind.RESENT: Message(
        "confirmation", _("Votre inscription"), attachments=(confirmation_attachment,)
    ),
    MessageKind.WORKSHOP_CHANGED: Message(
        "confirmation",
        _("Votre changement d'atelier est enregistré"),
        attachments=(confirmation_attachment,),
    ),
    MessageKind.CONFIRMED: Message(
        "confirmation", _("Votre inscription est confirmée"), attachments=(confirmation_attachment,)
    ),
    MessageKind.MEMBERSHIP_RECORDED: Message(
        "confirmation",
        _("L'adhésion de votre organisme est enregistrée"),
        attachments=(confirmation_attachment,),
    ),
    MessageKind.PROMOTED: Message(
        "confirmation",
        _("Une place s'est libérée pour vous"),
        attachments=(confirmation_attachment,),
    ),
    MessageKind.OFFER: Message(
        "offer", _("Une place s'est libérée : elle vous attend"), extra_context=offer_context
    ),
    MessageKind.OFFER_EXPIRED: Message(
        "offer_expired",
        _("La place proposée n'a pas été acceptée à temps"),
        extra_context=offer_context,
    ),
    MessageKind.CANCELLED: Message("cancelled", _("Votre inscription est annulée")),
    MessageKind.PRIVATE_LINK: Message("private_link", _("Le lien vers votre inscription")),
    MessageKind.STAFF_REGISTERED: Message(
        "staff_notification", _("Nouvelle inscription"), audience=STAFF
    ),
    MessageKind.STAFF_CANCELLED: Message(
        "staff_notification", _("Inscription annulée par le participant"), audience=STAFF
    ),
    MessageKind.INVOICE_ISSUED: Message(
        "invoice",
        _("Votre facture"),
        audience=BILLING,
        attachments=(invoice_attachment,),
        extra_context=latest_invoice,
    ),
    MessageKind.CREDIT_NOTE_ISSUED: Message(
        "credit_note",
        _("Votre facture d'avoir"),
        audience=BILLING,
        attachments=(credit_note_attachment,),
        extra_context=latest_credit_note,
    ),
    MessageKind.CERTIFICATE: Message(
        "certificate",
        _("Votre certificat de réalisation et votre attestation de fin de formation"),
        issued_documents=True,
    ),
    MessageKind.SURVEY_HOT: Message(
        "survey",
        _("Votre avis sur la formation"),
        extra_context=survey_link(SurveyPhase.HOT),
    ),
    MessageKind.SURVEY_COLD: Message(
        "survey",
        _("Quelques semaines après la formation, votre avis"),
        extra_context=survey_link(SurveyPhase.COLD),
    ),
    MessageKind.CONVOCATION: Message(
        "convocation",
        _("Votre convocation"),
        issued_documents=True,
    ),
}


def recipient(registration, kind):
    """The address the ``kind`` message about ``registration`` goes to."""
    audience = MESSAGES[MessageKind(kind)].audience
    if audience == STAFF:
        return settings.STAFF_NOTIFICATION_EMAIL
    if audience == BILLING:
        return registration.billing_email or registration.email
    return registration.email


def notify(registration, kind):
    """Record the ``kind`` message about ``registration`` in its outbox; the worker sends it
    if the transaction commits."""
    kind = MessageKind(kind)
    message = OutgoingMessage.objects.create(
        registration=registration, kind=kind.value, recipient=recipient(registration, kind)
    )
    enqueue_with_transaction(send_message, message.pk)
    return message


@task()
def send_message(message_id):
    """Send one outbox message; on failure, come back when it is due again."""
    retry_after = outbox.deliver(message_id, build=_build)
    if retry_after is not None and send_message.get_backend().supports_defer:
        send_message.using(run_after=retry_after).enqueue(message_id)
    # Otherwise (the immediate backend) `manage.py send_pending_messages` enqueues it.


def _build(message):
    registration = Registration.objects.select_related(
        "event", "tariff", "workshop__slot", "member"
    ).get(pk=message.registration_id)
    return build_message(registration, message.kind, to=[message.recipient], outgoing=message)


def build_message(registration, kind, *, to=None, outgoing=None):
    """The e-mail of ``kind`` about ``registration``, attachments included.

    ``to`` overrides the recipients (the outbox sends to the address it recorded);
    ``outgoing`` is the outbox row, whose training documents are attached."""
    message = MESSAGES[MessageKind(kind)]
    event = registration.event
    with translation.override("fr"):
        context = _context(registration, kind, message)
        reply_to = [registration.email] if message.audience == STAFF else [event.contact_email]
        to = to or [recipient(registration, kind)]
        email = _render(message.template_set, context, to=to, reply_to=reply_to)
        for make_attachment in message.attachments:
            attachment = make_attachment(registration)
            if attachment is not None:
                email.attach(attachment.filename, attachment.content, attachment.mimetype)
        if message.issued_documents and outgoing is not None:
            for document in issuing.message_documents(outgoing, registration):
                email.attach(document.filename, bytes(document.content), "application/pdf")
    return email


def _context(registration, kind, message):
    context = {
        "kind": kind,
        "headline": str(message.headline),
        "registration": registration,
        "event": registration.event,
        "sections": summary_sections(registration),
        "next_steps": next_steps(registration),
        "workshop_label": workshop_label(registration.workshop),
        "private_url": private_url(registration),
        "site_url": settings.SITE_URL,
        "venue_line": ", ".join(split_lines(registration.event.venue_address)),
    }
    if message.extra_context is not None:
        context.update(message.extra_context(registration))
    if message.audience == STAFF:
        context["admin_url"] = settings.SITE_URL + _admin_path(registration)
    return context


def _render(template_set, context, *, to, reply_to=None):
    subject = render_to_string(f"{TEMPLATE_DIR}/{template_set}/subject.txt", context)
    # A header holds one line: a newline in it would be refused (or worse, injected).
    subject = " ".join(subject.split())
    text = render_to_string(f"{TEMPLATE_DIR}/{template_set}/body.txt", context)
    html = render_to_string(f"{TEMPLATE_DIR}/{template_set}/body.html", context)
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )
    email.attach_alternative(html, "text/html")
    return email


def _admin_path(registration):
    try:
        return reverse("admin:registrations_registration_change", args=[registration.pk])
    except NoReverseMatch:  # The admin for registrations is not installed.
        return reverse("admin:index")
