from django.urls import path, register_converter

from afpols_events.security import private_page

from . import views, views_bulletin, views_documents, views_survey


class TokenConverter:
    """A private token as ``secrets.token_urlsafe`` writes it; anything else is a 404
    before the database is asked (PostgreSQL refuses a NUL byte in a query)."""

    regex = "[A-Za-z0-9_-]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TokenConverter, "token")

app_name = "registrations"

urlpatterns = [
    path("confidentialite/", views.PrivacyView.as_view(), name="privacy"),
    path(
        "suivi/<token:token>/", private_page(views.RegistrationDetailView.as_view()), name="detail"
    ),
    path(
        "suivi/<token:token>/confirmation.pdf",
        private_page(views.ConfirmationPDFView.as_view()),
        name="confirmation_pdf",
    ),
    path(
        "suivi/<token:token>/factures/<str:number>.pdf",
        private_page(views.InvoicePDFView.as_view()),
        name="invoice_pdf",
    ),
    path(
        "suivi/<token:token>/collegue/",
        private_page(views.ColleagueView.as_view()),
        name="colleague",
    ),
    path(
        "suivi/<token:token>/questionnaire/<str:phase>/",
        private_page(views_survey.SurveyView.as_view()),
        name="survey",
    ),
    path(
        "suivi/<token:token>/convention.pdf",
        private_page(views_documents.ConventionView.as_view()),
        name="convention",
    ),
    path(
        "suivi/<token:token>/convention-signee/",
        private_page(views_documents.SignedConventionView.as_view()),
        name="signed_convention",
    ),
    path(
        "suivi/<token:token>/documents/<str:kind>.pdf",
        private_page(views_documents.IssuedDocumentView.as_view()),
        name="issued_document",
    ),
    path("suivi/<token:token>/annuler/", private_page(views.CancelView.as_view()), name="cancel"),
    path(
        "suivi/<token:token>/atelier/",
        private_page(views.ChangeWorkshopView.as_view()),
        name="change_workshop",
    ),
    path("proposition/<token:token>/", private_page(views.OfferView.as_view()), name="offer"),
    path("<slug:slug>/", views_bulletin.RegisterView.as_view(), name="register"),
    path("<slug:slug>/deja-inscrit/", views_bulletin.PrivateLinkView.as_view(), name="resend_link"),
    path(
        "suivi/<token:token>/agenda.ics",
        private_page(views.ParticipantCalendarView.as_view()),
        name="calendar",
    ),
]
