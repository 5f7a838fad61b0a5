"""AFPOLS's legal identity in the admin: one row that staff read and a superuser changes."""

from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from afpols_events.forms import CleanTextAdminMixin

from ..models import TrainingBodyIdentity


@admin.register(TrainingBodyIdentity)
class TrainingBodyIdentityAdmin(CleanTextAdminMixin, admin.ModelAdmin):
    """One row; staff may read it, only a superuser changes it."""

    fieldsets = (
        (_("Organisme"), {"fields": ("name", "address", "siret", "vat_number", "is_demo")}),
        (_("Déclaration d'activité"), {"fields": ("nda", "nda_region")}),
        (_("TVA"), {"fields": ("vat_exempt", "vat_mention", "vat_rate")}),
        (
            _("Paiement"),
            {
                "fields": (
                    ("iban", "bic"),
                    "payment_terms_days",
                    "late_penalty_rate",
                    "recovery_indemnity",
                )
            },
        ),
    )

    def has_add_permission(self, request):
        return request.user.is_superuser and not TrainingBodyIdentity.objects.exists()

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        identity = TrainingBodyIdentity.current()
        if identity is not None:
            return redirect("admin:registrations_trainingbodyidentity_change", identity.pk)
        if self.has_add_permission(request):
            return redirect("admin:registrations_trainingbodyidentity_add")
        return super().changelist_view(request, extra_context)
