from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registrations"
    verbose_name = _("Inscriptions")

    def ready(self):
        from .db_constraints import reinstall_sqlite_triggers

        post_migrate.connect(
            reinstall_sqlite_triggers, sender=self, dispatch_uid="registrations_sqlite_triggers"
        )
