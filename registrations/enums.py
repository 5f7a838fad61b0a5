from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    AWAITING_MEMBERSHIP = "awaiting_membership", _("En attente de vérification de l'adhésion")
    CONFIRMED = "confirmed", _("Confirmée")
    WAITING_LIST = "waiting_list", _("Liste d'attente")
    CANCELLED = "cancelled", _("Annulée")

    @classmethod
    def holding_a_place(cls):
        """Statuses that take a seat, a room or a workshop place."""
        return [cls.AWAITING_MEMBERSHIP, cls.CONFIRMED]


class MembershipState(models.TextChoices):
    VERIFIED = "verified", _("Adhésion vérifiée")
    PENDING = "pending", _("Adhésion en cours (à vérifier)")


class PaymentState(models.TextChoices):
    NOT_INVOICED = "not_invoiced", _("Non facturée")
    INVOICED = "invoiced", _("Facturée")
    PARTIALLY_PAID = "partially_paid", _("Partiellement payée")
    PAID = "paid", _("Payée")


class MembershipOutcome(models.TextChoices):
    """What the membership check found for an organisation on the event's date."""

    PAID_UP = "paid_up", _("Adhérent à jour de sa cotisation")
    LAPSED = "lapsed", _("Adhésion expirée")
    UNKNOWN = "unknown", _("Organisme inconnu")


class Capacity(models.TextChoices):
    """The limits a registration may hit."""

    EVENT = "event", _("places de la rencontre")
    TARIFF = "tariff", _("places à ce tarif")
    WORKSHOP = "workshop", _("places de l'atelier")


class MessageState(models.TextChoices):
    """Where an e-mail of the outbox stands (``models.OutgoingMessage``)."""

    QUEUED = "queued", _("En attente d'envoi")
    SENDING = "sending", _("En cours d'envoi")
    RETRY = "retry", _("Nouvel essai prévu")
    FAILED = "failed", _("Échec")
    SENT = "sent", _("Envoyé")


class MessageKind(models.TextChoices):
    """Every e-mail sent about a registration (``notifications.MESSAGES`` says how)."""

    REGISTERED = "registered", _("Inscription enregistrée")
    RESENT = "resent", _("Confirmation renvoyée")
    WORKSHOP_CHANGED = "workshop_changed", _("Changement d'atelier")
    CONFIRMED = "confirmed", _("Inscription confirmée")
    MEMBERSHIP_RECORDED = "membership_recorded", _("Adhésion enregistrée")
    PROMOTED = "promoted", _("Place attribuée depuis la liste d'attente")
    OFFER = "offer", _("Place libérée proposée (liste d'attente)")
    OFFER_EXPIRED = "offer_expired", _("Proposition de place expirée")
    CANCELLED = "cancelled", _("Inscription annulée")
    PRIVATE_LINK = "private_link", _("Lien privé renvoyé")
    STAFF_REGISTERED = "staff_registered", _("Nouvelle inscription (équipe)")
    STAFF_CANCELLED = "staff_cancelled", _("Annulation par le participant (équipe)")
    INVOICE_ISSUED = "invoice_issued", _("Facture émise")
    CREDIT_NOTE_ISSUED = "credit_note_issued", _("Avoir émis")
    CERTIFICATE = "certificate", _("Certificat de réalisation et attestation")
    CONVOCATION = "convocation", _("Convocation")
    SURVEY_HOT = "survey_hot", _("Questionnaire de satisfaction à chaud")
    SURVEY_COLD = "survey_cold", _("Questionnaire de satisfaction à froid")


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("Facture")
    CREDIT_NOTE = "credit_note", _("Avoir")


class PaymentMeans(models.TextChoices):
    TRANSFER = "transfer", _("Virement")
    CHEQUE = "cheque", _("Chèque")
    PURCHASE_ORDER = "purchase_order", _("Bon de commande")


class OfferStatus(models.TextChoices):
    """Where a place offered to a waiting registration stands."""

    PENDING = "pending", _("En attente de réponse")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Refusée")
    EXPIRED = "expired", _("Expirée")
    WITHDRAWN = "withdrawn", _("Retirée")


class CheckInMethod(models.TextChoices):
    """How a presence was recorded."""

    SCAN = "scan", _("code QR scanné")
    MANUAL = "manual", _("coché dans la liste")


class SurveyPhase(models.TextChoices):
    """The satisfaction questionnaires: at the end of the event, and some weeks later."""

    HOT = "a-chaud", _("à chaud")
    COLD = "a-froid", _("à froid")


class QuestionKind(models.TextChoices):
    RATING = "rating", _("note de 1 à 5")
    TEXT = "text", _("texte libre")


class IssuedDocumentKind(models.TextChoices):
    """Documents sent to a participant and stored as they were sent."""

    CERTIFICATE = "certificate", _("Certificat de réalisation")
    ATTESTATION = "attestation", _("Attestation de fin de formation")
    CONVOCATION = "convocation", _("Convocation")
    # Not sent by us but received: the convention the employer signed, stored as uploaded.
    SIGNED_CONVENTION = "signed_convention", _("Convention signée")

    @property
    def url_word(self):
        """The document in the private page's URL: ``certificat-realisation``."""
        return {
            "certificate": "certificat-realisation",
            "attestation": "attestation-fin-formation",
            "convocation": "convocation",
            "signed_convention": "convention-signee",
        }[self.value]
