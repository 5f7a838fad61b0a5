from django.urls import path

from . import views, views_documents, views_survey

app_name = "registrations"

urlpatterns = [
    path("confidentialite/", views.PrivacyView.as_view(), name="privacy"),
    path("suivi/<str:token>/", views.RegistrationDetailView.as_view(), name="detail"),
    path(
        "suivi/<str:token>/confirmation.pdf",
        views.ConfirmationPDFView.as_view(),
        name="confirmation_pdf",
    ),
    path(
        "suivi/<str:token>/factures/<str:number>.pdf",
        views.InvoicePDFView.as_view(),
        name="invoice_pdf",
    ),
    path("suivi/<str:token>/collegue/", views.ColleagueView.as_view(), name="colleague"),
    path(
        "suivi/<str:token>/questionnaire/<str:phase>/",
        views_survey.SurveyView.as_view(),
        name="survey",
    ),
    path(
        "suivi/<str:token>/convention.pdf",
        views_documents.ConventionView.as_view(),
        name="convention",
    ),
    path(
        "suivi/<str:token>/documents/<str:kind>.pdf",
        views_documents.IssuedDocumentView.as_view(),
        name="issued_document",
    ),
    path("suivi/<str:token>/annuler/", views.CancelView.as_view(), name="cancel"),
    path("suivi/<str:token>/atelier/", views.ChangeWorkshopView.as_view(), name="change_workshop"),
    path("proposition/<str:token>/", views.OfferView.as_view(), name="offer"),
    path("<slug:slug>/", views.RegisterView.as_view(), name="register"),
    path("<slug:slug>/deja-inscrit/", views.PrivateLinkView.as_view(), name="resend_link"),
    path(
        "suivi/<str:token>/agenda.ics",
        views.ParticipantCalendarView.as_view(),
        name="calendar",
    ),
]
