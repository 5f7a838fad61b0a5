"""Give an event the default training texts and satisfaction questionnaire (idempotent:
what staff already wrote or asked is left alone)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from programme.models import Event
from registrations.models import EventTraining, SurveyQuestion
from registrations.survey_defaults import (
    DEFAULT_QUESTIONS,
    DEMO_INTERNAL_RULES,
    DEMO_PRACTICAL,
    DEMO_WHAT_TO_BRING,
)


class Command(BaseCommand):
    help = (
        "Donne à une rencontre le règlement intérieur, les informations pratiques et le "
        "questionnaire de satisfaction par défaut, s'ils ne sont pas déjà saisis."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Identifiant d'URL de la rencontre.")

    @transaction.atomic
    def handle(self, *args, slug, **options):
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            raise CommandError(f"Aucune rencontre « {slug} ».")
        _training, created = EventTraining.objects.get_or_create(
            event=event,
            defaults={
                "internal_rules": str(DEMO_INTERNAL_RULES),
                "practical_information": str(DEMO_PRACTICAL),
                "what_to_bring": str(DEMO_WHAT_TO_BRING),
            },
        )
        added = 0
        for phase, questions in DEFAULT_QUESTIONS.items():
            if SurveyQuestion.objects.filter(event=event, phase=phase).exists():
                continue
            for position, (text, kind, required) in enumerate(questions, start=1):
                SurveyQuestion.objects.create(
                    event=event,
                    phase=phase,
                    position=position,
                    text=str(text),
                    kind=kind,
                    required=required,
                )
                added += 1
        self.stdout.write(
            f"Informations de formation : {'créées' if created else 'déjà saisies'} ; "
            f"questions ajoutées : {added}"
        )
