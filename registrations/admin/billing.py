"""Invoices, credit notes and payments in the admin.

Invoices are read-only here (no add, change or delete: they are issued by the services
and never change). Staff download the stored PDF, record payments, issue the invoice of a
registration (or change its tariff) from its page, and export the journal (CSV/XLSX) and
the PDFs (ZIP) of a period (``journal``). AFPOLS's identity is in ``identity``.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from afpols_events.formatting import format_money
from afpols_events.forms import CleanTextAdminMixin
from afpols_events.http import download_response, file_response

from .. import services
from ..enums import InvoiceKind, PaymentState, RegistrationStatus
from ..models import Invoice, InvoiceLine, Payment, Registration
from ..selectors.billing import invoice_status, journal_rows, registration_billing, with_balance
from .billing_forms import JournalForm, PaymentForm, TariffChangeForm
from .journal import journal_dataset, journal_zip


def billing_summary_html(registration):
    """The registration's invoices and credit notes, what is due, paid and outstanding, and
    the link that issues its invoice (the registration's page)."""
    billing = registration_billing(registration)
    parts = []
    if billing.documents:
        parts.append(
            format_html_join(
                mark_safe("<br>"),
                '<a href="{}">{} {}</a> — {} — {}',
                (
                    (
                        reverse("admin:registrations_invoice_change", args=[doc.pk]),
                        doc.get_kind_display(),
                        doc.number,
                        format_money(doc.total_incl_vat),
                        invoice_status(doc),
                    )
                    for doc in billing.documents
                ),
            )
        )
        parts.append(
            format_html(
                "{} : {} — {} : {} — {} : <strong>{}</strong>",
                _g("Dû"),
                format_money(billing.due),
                _g("payé"),
                format_money(billing.paid),
                _g("reste à payer"),
                format_money(billing.outstanding),
            )
        )
    links = []
    if services.invoice_refusal(registration) is None:
        url = reverse("admin:registrations_invoice_issue", args=[registration.pk])
        links.append((url, _g("Émettre la facture")))
    if registration.status != RegistrationStatus.CANCELLED:
        url = reverse("admin:registrations_invoice_change_tariff", args=[registration.pk])
        links.append((url, _g("Changer de tarif")))
    if links:
        parts.append(format_html_join(" ", '<a class="button" href="{}">{}</a>', links))
    if not parts:
        return _g("Non facturée")
    return format_html_join(mark_safe("<br>"), "{}", ((part,) for part in parts))


class ReadOnlyInline(CleanTextAdminMixin, admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class InvoiceLineInline(ReadOnlyInline):
    model = InvoiceLine
    fk_name = "invoice"
    fields = ("position", "registration", "description", "quantity", "unit_price", "total")
    readonly_fields = fields


class PaymentInline(ReadOnlyInline):
    model = Payment
    fields = ("received_on", "amount", "means", "reference", "recorded_by", "recorded_at")
    readonly_fields = fields


@admin.register(Invoice)
class InvoiceAdmin(CleanTextAdminMixin, admin.ModelAdmin):
    list_display = (
        "number",
        "kind",
        "issued_on",
        "customer_name",
        "event",
        "total",
        "outstanding_amount",
        "status",
    )
    list_filter = ("kind", "event", "year")
    search_fields = ("number", "customer_name", "lines__registration__reference")
    search_help_text = _("Numéro, client ou référence d'inscription.")
    list_select_related = ("event", "refers")
    date_hierarchy = "issued_on"
    inlines = (InvoiceLineInline, PaymentInline)
    exclude = ("pdf", "seller")
    readonly_fields = ("pdf_link", "refers_link", "balance")

    def get_queryset(self, request):
        return with_balance(super().get_queryset(request).defer("pdf"))

    def has_add_permission(self, request):
        return False  # Issued from registrations, by the billing service.

    def has_change_permission(self, request, obj=None):
        return False  # An issued invoice never changes.

    def has_delete_permission(self, request, obj=None):
        return False  # Nor is it ever deleted.

    def get_readonly_fields(self, request, obj=None):
        names = [field.name for field in Invoice._meta.fields if field.name not in self.exclude]
        return [*self.readonly_fields, *names]

    @admin.display(description=_("total TTC"), ordering="total_incl_vat")
    def total(self, invoice):
        sign = "-" if invoice.kind == InvoiceKind.CREDIT_NOTE else ""
        return f"{sign}{format_money(invoice.total_incl_vat)}"

    @admin.display(description=_("reste à payer"))
    def outstanding_amount(self, invoice):
        if invoice.kind == InvoiceKind.CREDIT_NOTE:
            return "—"
        return format_money(invoice.outstanding)

    @admin.display(description=_("statut"))
    def status(self, invoice):
        return invoice_status(invoice)

    @admin.display(description=_("PDF émis"))
    def pdf_link(self, invoice):
        url = reverse("admin:registrations_invoice_pdf", args=[invoice.pk])
        return format_html(
            '<a href="{}">{}</a> <small>SHA-256 {}</small>',
            url,
            invoice.filename,
            invoice.pdf_sha256,
        )

    @admin.display(description=_("facture d'origine"))
    def refers_link(self, invoice):
        if invoice.refers_id is None:
            credit_notes = invoice.credit_notes.all()
            if not credit_notes:
                return "—"
            return format_html_join(
                ", ",
                '{} <a href="{}">{}</a>',
                (
                    (
                        _g("avoir"),
                        reverse("admin:registrations_invoice_change", args=[note.pk]),
                        note.number,
                    )
                    for note in credit_notes
                ),
            )
        url = reverse("admin:registrations_invoice_change", args=[invoice.refers_id])
        return format_html('<a href="{}">{}</a>', url, invoice.refers.number)

    @admin.display(description=_("solde"))
    def balance(self, invoice):
        if invoice.kind == InvoiceKind.CREDIT_NOTE:
            return "—"
        return format_html(
            "{} : {} — {} : {} — {} : {} — {} : <strong>{}</strong> ({})",
            _g("Total"),
            format_money(invoice.total_incl_vat),
            _g("avoirs"),
            format_money(invoice.credited),
            _g("payé"),
            format_money(invoice.paid),
            _g("reste à payer"),
            format_money(invoice.outstanding),
            invoice_status(invoice),
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("journal/", wrap(self.journal_view), name="registrations_invoice_journal"),
            path("<int:pk>/pdf/", wrap(self.pdf_view), name="registrations_invoice_pdf"),
            path(
                "<int:pk>/paiement/",
                wrap(self.payment_view),
                name="registrations_invoice_payment",
            ),
            path(
                "tarif/<int:registration_id>/",
                wrap(self.tariff_view),
                name="registrations_invoice_change_tariff",
            ),
            path(
                "emettre/<int:registration_id>/",
                wrap(self.issue_view),
                name="registrations_invoice_issue",
            ),
            *super().get_urls(),
        ]

    def _may_record_payment(self, request):
        return request.user.has_perm("registrations.add_payment")

    def _context(self, request, **kwargs):
        return {**self.admin_site.each_context(request), "opts": self.opts, **kwargs}

    def pdf_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        invoice = get_object_or_404(Invoice, pk=pk)
        return download_response(
            request,
            content=invoice.pdf_bytes,
            etag=invoice.pdf_etag,
            filename=invoice.filename,
            content_type="application/pdf",
            private=True,
        )

    def payment_view(self, request, pk):
        if not self._may_record_payment(request):
            raise PermissionDenied
        invoice = get_object_or_404(with_balance(Invoice.objects.defer("pdf")), pk=pk)
        form = PaymentForm(
            request.POST or None,
            initial={"received_on": timezone.localdate(), "amount": invoice.outstanding},
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.payment_record(
                    invoice=invoice, recorded_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    _g("Paiement de %(amount)s enregistré sur la facture %(number)s.")
                    % {
                        "amount": format_money(form.cleaned_data["amount"]),
                        "number": invoice.number,
                    },
                    messages.SUCCESS,
                )
                return redirect("admin:registrations_invoice_change", invoice.pk)
        context = self._context(
            request,
            title=_g("Enregistrer un paiement — facture %(number)s") % {"number": invoice.number},
            invoice=invoice,
            form=form,
            media=self.media + form.media,
        )
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(
            request, "admin/registrations/invoice/payment.html", context, status=status
        )

    def issue_view(self, request, registration_id):
        """Issue the invoice of one registration, from its page (after a confirmation)."""
        if not request.user.has_perm("registrations.change_registration"):
            raise PermissionDenied
        registration = get_object_or_404(
            Registration.objects.select_related("event", "tariff"), pk=registration_id
        )
        back = reverse("admin:registrations_registration_change", args=[registration.pk])
        if request.method == "POST":
            try:
                invoice = services.invoice_issue(registrations=[registration])
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _g("Facture %(number)s émise et envoyée à %(email)s.")
                    % {"number": invoice.number, "email": invoice.recipient_email},
                    messages.SUCCESS,
                )
            return redirect(back)
        context = self._context(
            request,
            title=_g("Émettre la facture de %(reference)s") % {"reference": registration.reference},
            registration=registration,
            refusal=services.invoice_refusal(registration),
            recipient=services.billing_recipient(registration),
            back=back,
        )
        return TemplateResponse(request, "admin/registrations/invoice/issue.html", context)

    def tariff_view(self, request, registration_id):
        """Change a registration's tariff; an invoiced one gets an avoir and a new invoice."""
        if not request.user.has_perm("registrations.change_registration"):
            raise PermissionDenied
        registration = get_object_or_404(
            Registration.objects.select_related("event", "tariff"), pk=registration_id
        )
        back = reverse("admin:registrations_registration_change", args=[registration.pk])
        form = TariffChangeForm(request.POST or None, registration=registration)
        if request.method == "POST" and form.is_valid():
            try:
                services.registration_change_tariff(
                    registration=registration, tariff=form.cleaned_data["tariff"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    _g("Tarif changé : %(tariff)s.") % {"tariff": form.cleaned_data["tariff"]},
                    messages.SUCCESS,
                )
                return redirect(back)
        context = self._context(
            request,
            title=_g("Changer le tarif de %(reference)s") % {"reference": registration.reference},
            registration=registration,
            form=form,
            back=back,
            invoiced=registration.payment_state != PaymentState.NOT_INVOICED,
        )
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(
            request, "admin/registrations/invoice/tariff.html", context, status=status
        )

    def journal_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        form = JournalForm(
            request.GET if "start" in request.GET else None,
            initial={"start": today.replace(day=1), "end": today, "output": "csv"},
        )
        if form.is_bound and form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            rows = journal_rows(start=start, end=end)
            output = form.cleaned_data["output"]
            stem = f"journal-factures-{start:%Y-%m-%d}-{end:%Y-%m-%d}"
            if output == "zip":
                content, content_type = journal_zip(rows), "application/zip"
                filename = f"factures-{start:%Y-%m-%d}-{end:%Y-%m-%d}.zip"
            elif output == "xlsx":
                content = journal_dataset(rows).export("xlsx")
                content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                filename = f"{stem}.xlsx"
            else:
                # A byte order mark, so that Excel reads the accents right.
                content = "\ufeff" + journal_dataset(rows).export("csv")
                content_type, filename = "text/csv; charset=utf-8", f"{stem}.csv"
            return file_response(content, filename=filename, content_type=content_type)
        context = self._context(
            request,
            title=_g("Journal des factures et avoirs"),
            form=form,
            media=self.media + form.media,
        )
        status = 400 if form.is_bound else 200
        return TemplateResponse(
            request, "admin/registrations/invoice/journal.html", context, status=status
        )
