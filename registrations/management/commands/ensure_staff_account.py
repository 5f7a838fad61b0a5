import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from registrations.admin.permissions import STAFF_GROUP_NAME, staff_group_setup

USERNAME = "victoria"


class Command(BaseCommand):
    help = (
        "Crée le compte de gestion « victoria » (membre de l'équipe, pas superutilisateur) "
        "dans le groupe « Gestion des inscriptions ». Sans effet s'il existe déjà."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        group = staff_group_setup()
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username=USERNAME,
                password=password,
                first_name="Victoria",
                last_name="Esteban",
                email="v.esteban.afpols@union-habitat.org",
                is_staff=True,
                is_superuser=False,
            )
            user.groups.add(group)
            # Shown once: it is stored hashed and cannot be displayed again.
            self.stdout.write(
                self.style.SUCCESS(
                    f"Compte de gestion créé : identifiant « {USERNAME} », "
                    f"mot de passe « {password} » (affiché une seule fois)."
                )
            )
            return
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        user.groups.add(group)
        self.stdout.write(
            f"Le compte de gestion « {USERNAME} » existe déjà (groupe « {STAFF_GROUP_NAME} »). "
            f"Pour changer son mot de passe : python manage.py changepassword {USERNAME}"
        )
