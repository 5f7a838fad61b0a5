"""The upload of the signed convention, on the private page and in the admin."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from afpols_events.forms import CleanForm

from ..services.signed_convention import signed_convention_pdf_refusal


class SignedConventionForm(CleanForm):
    """One PDF; ``cleaned_data["content"]`` holds its bytes (what the service stores).

    The rules (PDF, size) are the service's; the form shows its verdict in French next to
    the field. ``obj`` is the registration (the admin's object actions pass it)."""

    content = forms.FileField(
        label=_("Convention signée (PDF)"),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={
            "required": _("Choisissez le fichier PDF de la convention signée."),
            "empty": _("Le fichier envoyé est vide."),
            "invalid": _("Aucun fichier n'a été envoyé : choisissez le PDF de la convention."),
        },
    )

    def __init__(self, *args, obj=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.registration = obj
        self.fields["content"].help_text = _g(
            "Le PDF de la convention signée par l'employeur, %(limit)s au plus."
        ) % {"limit": filesizeformat(settings.SIGNED_CONVENTION_MAX_BYTES)}

    def clean_content(self):
        upload = self.cleaned_data["content"]
        # One byte over the limit is enough for the service to say the file is too large.
        content = upload.read(settings.SIGNED_CONVENTION_MAX_BYTES + 1)
        refusal = signed_convention_pdf_refusal(content)
        if refusal is not None:
            raise refusal
        return content
