from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _

# Before any app's ready(): the admin's autodiscovery imports django-import-export, which
# would load openpyxl at once (see the module).
from . import lazy_formats  # noqa: F401


class RegistrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registrations"
    verbose_name = _("Inscriptions")

    def ready(self):
        from .db_constraints import reinstall_sqlite_triggers

        post_migrate.connect(
            reinstall_sqlite_triggers, sender=self, dispatch_uid="registrations_sqlite_triggers"
        )

        from programme.models import Event, Tariff, Workshop

        from .services.waiting_list import capacity_saved

        # A raised capacity frees places: offer them to the waiting list (a task).
        for model in (Event, Tariff, Workshop):
            post_save.connect(
                capacity_saved, sender=model, dispatch_uid=f"waiting_list_{model.__name__}"
            )
