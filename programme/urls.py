from django.urls import path

from . import views, views_exports

app_name = "programme"

urlpatterns = [
    path("", views.EventListView.as_view(), name="home"),
    path("rencontres/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("rencontres/<slug:slug>/programme/", views.AgendaView.as_view(), name="agenda"),
    path("rencontres/<slug:slug>/intervenants/", views.SpeakerListView.as_view(), name="speakers"),
    path(
        "rencontres/<slug:slug>/programme.pdf",
        views_exports.AgendaPDFView.as_view(),
        name="agenda_pdf",
    ),
    path(
        "rencontres/<slug:slug>/programme.ics",
        views_exports.AgendaICSView.as_view(),
        name="agenda_ics",
    ),
    path(
        "rencontres/<slug:slug>/programme.json",
        views_exports.AgendaJSONView.as_view(),
        name="agenda_json",
    ),
]
