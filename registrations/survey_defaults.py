"""A sensible default satisfaction questionnaire (Qualiopi indicator 30), loaded for the
demo event by ``load_training_defaults`` and a starting point for the next events."""

from django.utils.translation import gettext_lazy as _

from .enums import QuestionKind, SurveyPhase

DEFAULT_QUESTIONS = {
    SurveyPhase.HOT: [
        (_("Dans l'ensemble, êtes-vous satisfait(e) de la formation ?"), QuestionKind.RATING, True),
        (_("Les objectifs annoncés ont-ils été atteints ?"), QuestionKind.RATING, True),
        (_("Le contenu répondait-il à vos attentes professionnelles ?"), QuestionKind.RATING, True),
        (_("Qualité des interventions et des intervenants"), QuestionKind.RATING, False),
        (_("Intérêt de l'atelier que vous avez suivi"), QuestionKind.RATING, False),
        (_("Organisation, accueil et lieu"), QuestionKind.RATING, False),
        (_("Ce que vous retenez, ce que vous allez mettre en pratique"), QuestionKind.TEXT, False),
        (_("Vos suggestions d'amélioration"), QuestionKind.TEXT, False),
    ],
    SurveyPhase.COLD: [
        (
            _("Avez-vous pu mettre en pratique ce que vous avez appris ?"),
            QuestionKind.RATING,
            True,
        ),
        (_("La formation a-t-elle changé vos pratiques ? Comment ?"), QuestionKind.TEXT, False),
    ],
}

DEMO_INTERNAL_RULES = _(
    "Article 1 — Objet : le présent règlement intérieur s'applique à toutes les personnes "
    "participant à une action de formation organisée par l'AFPOLS (articles L6352-3 et "
    "suivants et R6352-1 et suivants du Code du travail).\n"
    "Article 2 — Hygiène et sécurité : chaque stagiaire respecte les consignes d'hygiène et "
    "de sécurité du lieu de formation, notamment les consignes d'évacuation affichées.\n"
    "Article 3 — Horaires et présence : les horaires sont ceux de la convocation. Chaque "
    "stagiaire signe la feuille d'émargement par demi-journée ; toute absence est signalée.\n"
    "Article 4 — Comportement : chacun adopte une attitude respectueuse envers les autres "
    "stagiaires, les intervenants et le personnel du lieu.\n"
    "Article 5 — Sanctions : tout manquement au présent règlement peut faire l'objet d'une "
    "sanction, dans le respect de la procédure prévue aux articles R6352-4 et suivants.\n"
    "Article 6 — Représentation des stagiaires : pour les actions de plus de 500 heures, "
    "un délégué est élu ; les Rencontres n'y sont pas soumises.\n"
    "(Texte de démonstration : l'AFPOLS le remplace par son règlement intérieur.)"
)
DEMO_PRACTICAL = _(
    "Accueil des participants à partir de 9h00 le premier jour, à l'hôtel.\n"
    "Accès : tramway depuis la gare Lille-Flandres ; parking de l'hôtel pour les participants "
    "en voiture.\n"
    "Personnes en situation de handicap : contactez-nous avant la rencontre pour organiser "
    "votre accueil."
)
DEMO_WHAT_TO_BRING = _("De quoi prendre des notes\nUne pièce d'identité (accueil de l'hôtel)")
