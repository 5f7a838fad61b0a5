import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from programme.enums import ItemKind
from programme.models import Appearance, Event, ItemPart, ProgrammeItem, Speaker, Tariff, Workshop
from registrations.enums import MembershipState, RegistrationStatus
from registrations.models import MemberOrganisation, Registration

PARIS = ZoneInfo("Europe/Paris")


def paris(year, month, day, hour=0, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"rencontres-{n}")
    reference_prefix = factory.Sequence(lambda n: f"EV{n:03d}")
    series = "Rencontres formation des conseillers sociaux"
    title = factory.Sequence(lambda n: f"Rencontre numéro {n}")
    subtitle = "Les nouvelles pratiques"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))
    end_date = factory.LazyAttribute(lambda o: o.start_date + dt.timedelta(days=2))
    venue_name = "Hôtel Mercure Lille Métropole"
    venue_address = "157 avenue de la Marne\n59700 Marcq-en-Barœul"
    venue_phone = "03 28 33 12 12"
    contact_name = "Victoria ESTEBAN"
    contact_phone = "01 40 75 79 04"
    contact_fax = "01 40 75 04 21"
    contact_email = "v.esteban.afpols@union-habitat.org"
    postal_address = "AFPOLS, 2 rue Lord Byron, 75008 Paris"
    stakes = "Un premier paragraphe.\nUn second paragraphe."
    objectives = "Définir\nIdentifier\nComprendre"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Intervenant {n}")
    role = "Directeur"
    organisation = "Organisme HLM"
    slug = factory.Sequence(lambda n: f"intervenant-{n}")


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    anchor = factory.Sequence(lambda n: f"sequence-{n}")
    starts_at = factory.LazyAttribute(
        lambda o: dt.datetime.combine(o.event.start_date, dt.time(9, 30), tzinfo=PARIS)
    )
    kind = ItemKind.PLENARY
    title = factory.Sequence(lambda n: f"Séquence {n}")
    bullets = "Premier point\nSecond point"


class ItemPartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ItemPart

    item = factory.SubFactory(ProgrammeItemFactory)
    heading = factory.Sequence(lambda n: f"Phase {n}")
    bullets = "Un point de la phase"


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    event = factory.SubFactory(EventFactory)
    slot = factory.SubFactory(
        ProgrammeItemFactory, event=factory.SelfAttribute("..event"), kind=ItemKind.WORKSHOPS
    )
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Atelier {n}")
    description = "Présentation de l'atelier."


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appearance

    speaker = factory.SubFactory(SpeakerFactory)
    item = factory.SubFactory(ProgrammeItemFactory)


class TariffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tariff

    event = factory.SubFactory(EventFactory)
    label = factory.Sequence(lambda n: f"Tarif {n}")
    amount = Decimal("1750.00")
    included = "Hébergement\nRepas du soir\nRepas du midi"


class MemberOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberOrganisation

    name = factory.Sequence(lambda n: f"Office HLM numéro {n}")
    normalized_name = factory.LazyAttribute(lambda o: o.name.lower())
    member_number = factory.Sequence(lambda n: f"A{n:05d}")
    city = "Lyon"
    subscription_start = dt.date(2000, 1, 1)
    subscription_end = dt.date(2099, 12, 31)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration of a verified member, created directly (no service)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    number = factory.Sequence(lambda n: n + 1)
    reference = factory.LazyAttribute(lambda o: f"{o.event.reference_prefix}-{o.number:04d}")
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    first_name = "Camille"
    job_title = "Conseillère sociale"
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation_name = "Paris Habitat"
    address = "21 bis rue Claude Bernard, 75005 Paris"
    phone = "01 23 45 67 89"
    signed_place = "Paris"
    signed_on = factory.LazyFunction(timezone.localdate)
    signature = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")
    certified = True
    privacy_consent = True
    tariff = factory.SubFactory(TariffFactory, event=factory.SelfAttribute("..event"))
    workshop = None
    amount = factory.LazyAttribute(lambda o: o.tariff.amount)
    status = RegistrationStatus.CONFIRMED
    membership_state = MembershipState.VERIFIED


class TrainingBodyIdentityFactory(factory.django.DjangoModelFactory):
    """AFPOLS's identity as a superuser saves it in the admin (VAT-exempt training body)."""

    class Meta:
        model = "registrations.TrainingBodyIdentity"
        django_get_or_create = ("id",)

    id = 1
    name = "AFPOLS"
    address = "14 rue Lord Byron\n75008 Paris"
    siret = "784 263 018 00026"
    nda = "11 75 12345 75"
    nda_region = "Île-de-France"
    vat_exempt = True
    vat_mention = "TVA non applicable, article 261-4-4° a du CGI"
    vat_rate = Decimal("20.00")
    iban = "FR76 3000 4000 0312 3456 7890 143"
    bic = "BNPAFRPPXXX"
    payment_terms_days = 30
    late_penalty_rate = Decimal("12.15")
    recovery_indemnity = Decimal("40.00")
    is_demo = False
