"""The project's URLs plus ``/bench/trivial/``, the yardstick of ``make bench``."""

from django.http import HttpResponse
from django.urls import include, path

# About 20 KB of HTML, built once: the view does nothing but return it.
TRIVIAL_BODY = (
    "<!doctype html><title>trivial</title>" + ("<p>" + "x" * 76 + "</p>\n") * 250
).encode()


def trivial(request):
    return HttpResponse(TRIVIAL_BODY)


urlpatterns = [
    path("bench/trivial/", trivial),
    path("", include("afpols_events.urls")),
]
