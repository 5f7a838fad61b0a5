from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

admin.site.site_header = _("AFPOLS — Rencontres formation")
admin.site.site_title = _("AFPOLS — administration")
admin.site.index_title = _("Gestion des rencontres et des inscriptions")
# The side menu repeats the home page and takes a quarter of a 1280 px screen: without it the
# registration list shows all its columns.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
    path("admin/", admin.site.urls),
    path("inscription/", include("registrations.urls")),
    path("gestion/", include("registrations.urls_staff")),
    path("", include("programme.urls")),
]
