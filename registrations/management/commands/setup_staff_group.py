from django.core.management.base import BaseCommand

from registrations.admin.permissions import STAFF_GROUP_NAME, staff_group_setup


class Command(BaseCommand):
    help = "Crée ou met à jour le groupe « Gestion des inscriptions » et ses permissions."

    def handle(self, *args, **options):
        group = staff_group_setup()
        self.stdout.write(
            f"Groupe « {STAFF_GROUP_NAME} » : {group.permissions.count()} permissions."
        )
