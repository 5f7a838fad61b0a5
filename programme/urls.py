from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.EventListView.as_view(), name="home"),
    path("rencontres/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("rencontres/<slug:slug>/programme/", views.AgendaView.as_view(), name="agenda"),
    path("rencontres/<slug:slug>/intervenants/", views.SpeakerListView.as_view(), name="speakers"),
]
