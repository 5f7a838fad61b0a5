"""django-import-export resources: the registrations export and the member list import.

Column names are French because Victoria opens these files in a spreadsheet and
prepares the member list by hand.
"""

import datetime as dt
import re

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.formats import base_formats

from afpols_events.cleaning import clean_line

from ..models import MemberOrganisation, Registration
from .spreadsheets import FrenchCSV, FrenchXLSX

# A cell starting with one of these (blanks before it too) is read as a formula by
# spreadsheets ("=HYPERLINK(…)" typed as a name, "-1+1", "@SUM(…)"); it gets a leading
# apostrophe. An international phone number ("+33 1 40 75 79 04") is left readable: digits
# and spaces after one "+" cannot call anything.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
PHONE_NUMBER = re.compile(r"\+\d[\d ]*")


def spreadsheet_safe(value):
    if (
        isinstance(value, str)
        and value.lstrip(" ").startswith(FORMULA_STARTS)
        and not PHONE_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


class SpreadsheetSafeResource(resources.ModelResource):
    """Typed text is exported as text, never as a formula. The sheet of an XLSX export is
    named after what it holds (the model's plural name)."""

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def export(self, *args, **kwargs):
        dataset = super().export(*args, **kwargs)
        dataset.title = str(self._meta.model._meta.verbose_name_plural).capitalize()
        return dataset


def _moment(attribute, column_name):
    """A date and time: a real one in XLSX, "14/11/2012 09:30" (Paris time) in CSV."""
    return fields.Field(
        attribute=attribute,
        column_name=column_name,
        widget=widgets.DateTimeWidget(format="%d/%m/%Y %H:%M"),
    )


class RegistrationResource(SpreadsheetSafeResource):
    """Export only: registrations are created through the bulletin, never imported."""

    reference = fields.Field(attribute="reference", column_name=_("Référence"))
    event = fields.Field(attribute="event__title", column_name=_("Événement"))
    last_name = fields.Field(attribute="last_name", column_name=_("Nom"))
    first_name = fields.Field(attribute="first_name", column_name=_("Prénom"))
    job_title = fields.Field(attribute="job_title", column_name=_("Fonction"))
    email = fields.Field(attribute="email", column_name=_("E-mail"))
    organisation_name = fields.Field(attribute="organisation_name", column_name=_("Organisme"))
    address = fields.Field(attribute="address", column_name=_("Adresse"))
    phone = fields.Field(attribute="phone", column_name=_("Téléphone"))
    contact_person = fields.Field(attribute="contact_person", column_name=_("Personne à contacter"))
    tariff = fields.Field(attribute="tariff__label", column_name=_("Tarif"))
    amount = fields.Field(
        attribute="amount", column_name=_("Montant (€)"), widget=widgets.DecimalWidget()
    )
    workshop = fields.Field(column_name=_("Atelier"))
    status = fields.Field(column_name=_("Statut"))
    membership_state = fields.Field(column_name=_("Adhésion"))
    member = fields.Field(column_name=_("Organisme adhérent reconnu"))
    member_number = fields.Field(
        attribute="member__member_number", column_name=_("Numéro d'adhérent")
    )
    typed_member_number = fields.Field(
        attribute="member_number", column_name=_("Numéro d'adhérent indiqué")
    )
    payment_state = fields.Field(column_name=_("Paiement"))
    created_at = _moment("created_at", _("Inscrit le"))
    confirmed_at = _moment("confirmed_at", _("Confirmée le"))
    invoiced_at = _moment("invoiced_at", _("Facturée le"))
    paid_at = _moment("paid_at", _("Payée le"))
    cancelled_at = _moment("cancelled_at", _("Annulée le"))

    class Meta:
        model = Registration
        fields = export_order = (
            "reference",
            "event",
            "last_name",
            "first_name",
            "job_title",
            "email",
            "organisation_name",
            "address",
            "phone",
            "contact_person",
            "tariff",
            "amount",
            "workshop",
            "status",
            "membership_state",
            "member",
            "member_number",
            "typed_member_number",
            "payment_state",
            "created_at",
            "confirmed_at",
            "invoiced_at",
            "paid_at",
            "cancelled_at",
        )

    def dehydrate_workshop(self, registration):
        return str(registration.workshop) if registration.workshop_id else ""

    def dehydrate_status(self, registration):
        return registration.get_status_display()

    def dehydrate_membership_state(self, registration):
        return registration.get_membership_state_display()

    def dehydrate_member(self, registration):
        return registration.member.name if registration.member_id else ""

    def dehydrate_payment_state(self, registration):
        return registration.get_payment_state_display()


class FrenchDateWidget(widgets.DateWidget):
    """Reads 14/11/2012, 14/11/12, 2012-11-14 and spreadsheet date cells; writes 14/11/2012."""

    input_formats = ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y")

    def __init__(self):
        super().__init__(format="%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        for date_format in self.input_formats:
            try:
                return dt.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(
            gettext_now("Date « %(value)s » illisible : écrire JJ/MM/AAAA ou AAAA-MM-JJ.")
            % {"value": text[:40]}
        )


class StrippedCharWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return clean_line(str(value if value is not None else ""))


class MemberOrganisationResource(SpreadsheetSafeResource):
    name = fields.Field(attribute="name", column_name=_("Nom"), widget=StrippedCharWidget())
    member_number = fields.Field(
        attribute="member_number",
        column_name=_("Numéro d'adhérent"),
        widget=StrippedCharWidget(),
    )
    city = fields.Field(attribute="city", column_name=_("Ville"), widget=StrippedCharWidget())
    subscription_start = fields.Field(
        attribute="subscription_start", column_name=_("Adhésion du"), widget=FrenchDateWidget()
    )
    subscription_end = fields.Field(
        attribute="subscription_end",
        column_name=_("Adhésion jusqu'au"),
        widget=FrenchDateWidget(),
    )

    class Meta:
        model = MemberOrganisation
        fields = export_order = (
            "name",
            "member_number",
            "city",
            "subscription_start",
            "subscription_end",
        )
        import_id_fields = ("member_number",)
        # full_clean() gives per-row errors: required fields, and the constraints' own
        # messages (the period's end after its start).
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class SpreadsheetCSV(base_formats.CSV):
    """CSV with commas or, as French Excel writes it, semicolons."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes) and self.encoding:
            in_stream = in_stream.decode(self.encoding)
        first_line = in_stream.split("\n", 1)[0]
        if "delimiter" not in kwargs and first_line.count(";") > first_line.count(","):
            kwargs["delimiter"] = ";"
        return super().create_dataset(in_stream, **kwargs)


EXPORT_FORMATS = (FrenchCSV, FrenchXLSX)
IMPORT_FORMATS = (SpreadsheetCSV, base_formats.XLSX)
