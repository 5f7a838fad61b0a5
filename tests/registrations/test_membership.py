import datetime as dt

import pytest

from afpols_events.text import normalise_organisation_name
from registrations.models import MemberOrganisation
from registrations.services.membership import check_membership, check_registration_membership
from tests.factories import MemberOrganisationFactory

EVENT_DAY = dt.date(2030, 11, 14)


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("PARIS HABITAT", "Paris Habitat"),
        ("paris-habitat", "Paris Habitat"),
        ("  Paris   Habitat  ", "Paris Habitat"),
        ("Paris Habitat - OPH", "Paris Habitat"),
        ("OPH Paris Habitat", "Paris Habitat"),
        ("Office Public de l'Habitat Paris Habitat", "Paris Habitat"),
        ("LA NANTAISE D'HABITATION", "La Nantaise d'Habitation"),
        ("La Nantaise d’Habitation", "La Nantaise d'Habitation"),
        ("Nantaise Habitation", "La Nantaise d'Habitation"),
        ("villeurbanne est habitat", "Villeurbanne Est Habitat"),
        ("Villeurbanne-Est-Habitat SA", "Villeurbanne Est Habitat"),
        ("O.P.A.C. 38", "OPAC 38"),
        ("Opac-38", "OPAC 38"),
        ("Société Anonyme d'HLM Le Foyer", "Le Foyer"),
        ("SA d'HLM Le Foyer", "Le Foyer"),
        ("S.A. HLM Le Foyer", "Le Foyer"),
        ("Habitat & Humanisme", "Habitat et Humanisme"),
        ("Cœur d'Habitat", "COEUR HABITAT"),
        ("Logis Cévenols", "logis cevenols"),
        ("Entreprise sociale pour l'habitat Logis du Nord", "Logis du Nord ESH"),
    ],
)
def test_spellings_of_one_organisation_share_a_key(spelling, canonical):
    assert normalise_organisation_name(spelling) == normalise_organisation_name(canonical)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("OPAC 38", "OPH 38"),
        ("Habitat 76", "Habitat 77"),
        ("Paris Habitat", "Paris Habitat Est"),
        ("Logis du Nord", "Logis du Sud"),
    ],
)
def test_different_organisations_keep_different_keys(one, other):
    assert normalise_organisation_name(one) != normalise_organisation_name(other)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("OPH 38", "oph 38"),  # Nothing else names it: the legal form stays.
        ("SA", "sa"),
        ("", ""),
        ("   ", ""),
        (None, ""),
        ("!!!", ""),
        ("Paris Habitat OPH", "paris habitat"),
    ],
)
def test_normalised_key_of_edge_cases(name, key):
    assert normalise_organisation_name(name) == key


@pytest.mark.django_db
def test_saving_a_member_fills_its_normalised_name():
    member = MemberOrganisation.objects.create(
        name="La Nantaise d'Habitation",
        member_number="N1",
        subscription_start=dt.date(2030, 1, 1),
        subscription_end=dt.date(2030, 12, 31),
    )
    assert member.normalized_name == "nantaise habitation"

    member.name = "Paris Habitat OPH"
    member.save(update_fields=["name"])
    member.refresh_from_db()
    assert member.normalized_name == "paris habitat"


@pytest.fixture
def members(db):
    return {
        "paid": MemberOrganisationFactory(
            name="OPAC 38",
            member_number="AF-0003",
            subscription_start=dt.date(2030, 1, 1),
            subscription_end=dt.date(2030, 12, 31),
        ),
        "lapsed": MemberOrganisationFactory(
            name="Office Démo des Alpes",
            member_number="AF-0900",
            subscription_start=dt.date(2028, 1, 1),
            subscription_end=dt.date(2029, 12, 31),
        ),
        "future": MemberOrganisationFactory(
            name="Logis Futur",
            member_number="AF-0901",
            subscription_start=dt.date(2030, 12, 1),
            subscription_end=dt.date(2031, 12, 31),
        ),
    }


@pytest.mark.parametrize(
    ("query", "outcome", "member_key"),
    [
        ("OPAC 38", "paid_up", "paid"),
        ("o.p.a.c. 38", "paid_up", "paid"),
        ("AF-0003", "paid_up", "paid"),
        ("af-0003", "paid_up", "paid"),
        (" AF-0003 ", "paid_up", "paid"),
        ("office demo des alpes", "lapsed", "lapsed"),
        ("AF-0900", "lapsed", "lapsed"),
        ("Logis Futur", "lapsed", "future"),  # Subscription starts after the event.
        ("Logis Inconnu", "unknown", None),
        ("AF-9999", "unknown", None),
        ("", "unknown", None),
    ],
)
def test_check_membership_outcomes(members, query, outcome, member_key):
    check = check_membership(query=query, on_date=EVENT_DAY)

    assert check.outcome == outcome
    assert check.member == (members[member_key] if member_key else None)


def test_check_membership_counts_the_subscription_end_day(members):
    assert check_membership(query="OPAC 38", on_date=dt.date(2030, 12, 31)).is_paid_up
    assert not check_membership(query="OPAC 38", on_date=dt.date(2031, 1, 1)).is_paid_up


def test_renewal_row_wins_over_the_lapsed_one(members):
    renewed = MemberOrganisationFactory(
        name="Office demo des Alpes (OPH)",
        member_number="AF-0902",
        subscription_start=dt.date(2030, 1, 1),
        subscription_end=dt.date(2030, 12, 31),
    )

    check = check_membership(query="Office Démo des Alpes", on_date=EVENT_DAY)

    assert (check.outcome, check.member) == ("paid_up", renewed)


def test_registration_check_takes_the_best_of_number_and_name(members):
    by_number = check_registration_membership(
        organisation_name="Nom mal orthographié", member_number="AF-0003", on_date=EVENT_DAY
    )
    by_name = check_registration_membership(
        organisation_name="OPAC 38", member_number="AF-0900", on_date=EVENT_DAY
    )

    assert by_number.is_paid_up and by_number.member == members["paid"]
    assert by_name.is_paid_up and by_name.member == members["paid"]


def test_a_member_number_wins_over_an_organisation_named_like_it(
    members, django_assert_num_queries
):
    # An organisation whose name reads like another's member number.
    MemberOrganisationFactory(
        name="AF 0900",
        member_number="AF-7777",
        subscription_start=dt.date(2030, 1, 1),
        subscription_end=dt.date(2030, 12, 31),
    )

    with django_assert_num_queries(1):
        check = check_membership(query="af-0900", on_date=EVENT_DAY)

    assert (check.outcome, check.member) == ("lapsed", members["lapsed"])
