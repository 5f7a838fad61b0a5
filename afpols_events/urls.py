from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("AFPOLS — Rencontres formation")
admin.site.site_title = _("AFPOLS — administration")
admin.site.index_title = _("Gestion des rencontres et des inscriptions")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("inscription/", include("registrations.urls")),
    path("", include("programme.urls")),
]
