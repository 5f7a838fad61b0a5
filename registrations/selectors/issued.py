"""What the private page offers of the training paperwork: the convention (and the signed
one, as received), the documents sent as they were sent (convocation, certificate,
attestation) and the questionnaires still to answer."""

from dataclasses import dataclass, field

from django.utils import timezone

from ..enums import IssuedDocumentKind, RegistrationStatus, SurveyPhase
from ..models import IssuedDocument, SurveyQuestion


def latest_issued_documents(registration):
    """The last rendered document of each kind, in the order of ``IssuedDocumentKind``
    (their bytes are not loaded)."""
    latest = {}
    for document in (
        IssuedDocument.objects.filter(registration=registration, content__isnull=False)
        .defer("content")
        .order_by("-issued_at", "-pk")
    ):
        latest.setdefault(document.kind, document)
    return [latest[kind] for kind in IssuedDocumentKind.values if kind in latest]


def issued_document(registration, kind):
    """The last issued document of ``kind`` for ``registration`` (with its bytes), or None.

    A document the worker has not rendered yet is not offered."""
    return (
        IssuedDocument.objects.filter(registration=registration, kind=kind, content__isnull=False)
        .order_by("-issued_at", "-pk")
        .first()
    )


@dataclass
class TrainingDocuments:
    convention: bool = False  # the convention to sign is offered, and its upload
    signed_convention: IssuedDocument | None = None  # the last one received
    issued: list = field(default_factory=list)  # the last document sent of each kind
    surveys: list = field(default_factory=list)  # SurveyPhase values open to answer

    def __bool__(self):
        return bool(self.convention or self.signed_convention or self.issued or self.surveys)


def training_documents(registration):
    """The private page's "Documents de formation" panel of ``registration``."""
    holding = registration.status in RegistrationStatus.holding_a_place()
    surveys = []
    if holding and timezone.localdate() >= registration.event.start_date:
        answered = set(registration.survey_responses.values_list("phase", flat=True))
        phases = set(
            SurveyQuestion.objects.filter(event=registration.event).values_list("phase", flat=True)
        )
        surveys = [
            SurveyPhase(phase)
            for phase in SurveyPhase.values
            if phase in phases and phase not in answered
        ]
    issued = latest_issued_documents(registration)
    signed = [d for d in issued if d.kind == IssuedDocumentKind.SIGNED_CONVENTION]
    return TrainingDocuments(
        convention=holding,
        signed_convention=signed[0] if signed else None,
        issued=[d for d in issued if d.kind != IssuedDocumentKind.SIGNED_CONVENTION],
        surveys=surveys,
    )
