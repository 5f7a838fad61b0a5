"""E-mail messages about a registration, from template sets (subject, text, HTML)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from programme.models import split_lines

from . import notifications
from .documents import confirmation_filename, confirmation_pdf
from .summary import next_steps, private_url, summary_sections, workshop_label

TEMPLATE_DIR = "emails/registrations"


def _headlines():
    return {
        notifications.REGISTERED: _("Votre inscription est enregistrée"),
        notifications.RESENT: _("Votre inscription"),
        notifications.WORKSHOP_CHANGED: _("Votre changement d'atelier est enregistré"),
        notifications.CONFIRMED: _("Votre inscription est confirmée"),
        notifications.MEMBERSHIP_RECORDED: _("L'adhésion de votre organisme est enregistrée"),
        notifications.PROMOTED: _("Une place s'est libérée pour vous"),
        notifications.CANCELLED: _("Votre inscription est annulée"),
        notifications.PRIVATE_LINK: _("Le lien vers votre inscription"),
    }


def _staff_headlines():
    return {
        notifications.REGISTERED: _("Nouvelle inscription"),
        notifications.CANCELLED: _("Inscription annulée par le participant"),
    }


def _render(template_set, context, *, to, reply_to=None):
    subject = render_to_string(f"{TEMPLATE_DIR}/{template_set}/subject.txt", context)
    # A header holds one line: a newline in it would be refused (or worse, injected).
    subject = " ".join(subject.split())
    text = render_to_string(f"{TEMPLATE_DIR}/{template_set}/body.txt", context)
    html = render_to_string(f"{TEMPLATE_DIR}/{template_set}/body.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )
    message.attach_alternative(html, "text/html")
    return message


def _context(registration, kind, headline):
    return {
        "kind": kind,
        "headline": headline,
        "registration": registration,
        "event": registration.event,
        "sections": summary_sections(registration),
        "next_steps": next_steps(registration),
        "workshop_label": workshop_label(registration.workshop),
        "private_url": private_url(registration),
        "site_url": settings.SITE_URL,
        "venue_line": ", ".join(split_lines(registration.event.venue_address)),
    }


def participant_message(registration, kind):
    with translation.override("fr"):
        context = _context(registration, kind, _headlines()[kind])
        event = registration.event
        if kind == notifications.PRIVATE_LINK:
            template_set = "private_link"
        elif kind == notifications.CANCELLED:
            template_set = "cancelled"
        else:
            template_set = "confirmation"
        message = _render(
            template_set, context, to=[registration.email], reply_to=[event.contact_email]
        )
        if template_set == "confirmation":
            pdf = confirmation_pdf(registration)
            message.attach(confirmation_filename(registration), pdf.content, "application/pdf")
    return message


def staff_message(registration, kind):
    with translation.override("fr"):
        context = _context(registration, kind, _staff_headlines()[kind])
        context["admin_url"] = settings.SITE_URL + _admin_path(registration)
        return _render(
            "staff_notification",
            context,
            to=[settings.STAFF_NOTIFICATION_EMAIL],
            reply_to=[registration.email],
        )


def _admin_path(registration):
    try:
        return reverse("admin:registrations_registration_change", args=[registration.pk])
    except NoReverseMatch:  # The admin for registrations is not installed.
        return reverse("admin:index")
