import datetime as dt
from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from programme.enums import ItemKind
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    ItemPartFactory,
    ProgrammeItemFactory,
    SpeakerFactory,
    TariffFactory,
    WorkshopFactory,
    paris,
)

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"
NBSP = "\u00a0"  # also what French spacing puts before "?" and ":"


def page(client, name, event):
    response = client.get(reverse(f"programme:{name}", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    return response.content.decode()


def register_url_for(event):
    try:
        return reverse("registrations:register", kwargs={"slug": event.slug})
    except NoReverseMatch:
        return None


@pytest.fixture
def event():
    return EventFactory(
        slug="rencontres-2012",
        title="De l'accompagnement individuel à l'action collective",
        subtitle="Les nouvelles pratiques de la fonction sociale",
        start_date=dt.date(2012, 11, 14),
        end_date=dt.date(2012, 11, 16),
        stakes="Tous les travailleurs sociaux vous le diront.\nOutre Atlantique, l'empowerment.",
        objectives="Définir les modalités\nIdentifier des projets",
    )


@pytest.fixture
def programme(event):
    """A small three-day programme shaped like the flyer's."""
    opening = ProgrammeItemFactory(
        event=event,
        anchor="mercredi-0930-lancement",
        kind=ItemKind.OPENING,
        starts_at=paris(2012, 11, 14, 9, 30),
        ends_at=paris(2012, 11, 14, 9, 45),
        title="Lancement des rencontres formation",
        bullets="",
    )
    AppearanceFactory(
        item=opening,
        lead_in="Par",
        speaker=SpeakerFactory(
            name="Géraud BEAUFRERE", role="Consultant en formation", organisation="AFPOLS"
        ),
    )
    fresques = ProgrammeItemFactory(
        event=event,
        anchor="mercredi-0945-fresques",
        kind=ItemKind.CASE_STUDY,
        starts_at=paris(2012, 11, 14, 9, 45),
        ends_at=paris(2012, 11, 14, 11, 15),
        title="Les fresques de la résidence des Noirettes",
        bullets="",
    )
    ItemPartFactory(item=fresques, heading="Phase 1", bullets="Un constat d'impuissance")
    ItemPartFactory(item=fresques, heading="Phase 2", bullets="Maintenir une dynamique", position=1)
    AppearanceFactory(
        item=fresques,
        lead_in="Avec la participation d'",
        speaker=SpeakerFactory(name="un représentant des habitants", role="", organisation=""),
    )
    ProgrammeItemFactory(
        event=event,
        anchor="mercredi-1115-pause",
        kind=ItemKind.BREAK,
        starts_at=paris(2012, 11, 14, 11, 15),
        title="Pause",
        bullets="",
    )
    round_table = ProgrammeItemFactory(
        event=event,
        anchor="jeudi-1015-table-ronde",
        kind=ItemKind.ROUND_TABLE,
        starts_at=paris(2012, 11, 15, 10, 15),
        title="Vers une nouvelle gouvernance des organismes",
        bullets="Agir sur les territoires\nConstruire le vivre ensemble",
    )
    slot = ProgrammeItemFactory(
        event=event,
        anchor="jeudi-1400-ateliers",
        kind=ItemKind.WORKSHOPS,
        starts_at=paris(2012, 11, 15, 14, 0),
        ends_at=paris(2012, 11, 15, 16, 30),
        title="Ateliers",
        bullets="",
    )
    workshops = [
        WorkshopFactory(event=event, slot=slot, number=n, title=title, capacity=capacity)
        for n, title, capacity in [
            (1, "Les partenariats locaux", 25),
            (2, "Renforcer la dimension transversale", None),
            (3, "Quelle offre de services ?", None),
        ]
    ]
    quebec = SpeakerFactory(
        name="Représentants du Québec", role="", organisation="", is_collective=True
    )
    for workshop in workshops:
        AppearanceFactory(item=None, workshop=workshop, speaker=quebec)
    friday = ProgrammeItemFactory(
        event=event,
        anchor="vendredi-1030-rehabiliter",
        kind=ItemKind.CASE_STUDY,
        starts_at=paris(2012, 11, 16, 10, 30),
        title="Réhabiliter un immeuble",
    )
    planade = SpeakerFactory(
        name="Sylvie PLANADE",
        role="Responsable de l'action sociale individuelle",
        organisation="",
    )
    AppearanceFactory(item=friday, speaker=planade, group="PARIS HABITAT")
    AppearanceFactory(item=round_table, speaker=planade)
    return {"slot": slot, "workshops": workshops, "quebec": quebec, "planade": planade}


# Event home


def test_event_home_shows_dates_venue_stakes_objectives_and_contact(client, event):
    html = page(client, "event_detail", event)
    assert "De l&#x27;accompagnement individuel à l&#x27;action collective" in html
    assert "Les nouvelles pratiques de la fonction sociale" in html
    assert "Du mercredi 14 au vendredi 16 novembre 2012" in html
    assert "Hôtel Mercure Lille Métropole" in html
    assert "157 avenue de la Marne<br>59700 Marcq-en-Barœul" in html
    assert 'href="tel:0328331212"' in html
    assert '<h2 id="enjeux">Enjeux</h2>' in html
    assert "<p>Tous les travailleurs sociaux vous le diront.</p>" in html
    assert "<li>Définir les modalités</li>" in html
    assert "<li>Identifier des projets</li>" in html
    assert "Victoria ESTEBAN" in html
    assert "01 40 75 79 04" in html
    assert "01 40 75 04 21" in html
    assert 'href="mailto:v.esteban.afpols@union-habitat.org"' in html


def test_event_home_shows_tariffs_in_french_money_format_with_what_they_include(client, event):
    TariffFactory(
        event=event,
        label="Hébergement et repas du soir inclus",
        amount=Decimal("1750.00"),
        included="Hébergement\nRepas du soir",
    )
    TariffFactory(
        event=event,
        label="Repas du midi inclus",
        amount=Decimal("1450.00"),
        included="Repas du midi",
        position=1,
    )
    html = page(client, "event_detail", event)
    assert f"1{NNBSP}750{NBSP}€" in html
    assert f"1{NNBSP}450{NBSP}€" in html
    assert "Hébergement et repas du soir inclus" in html
    assert "<li>Repas du soir</li>" in html
    assert "<li>Repas du midi</li>" in html
    assert html.index(f"1{NNBSP}750") < html.index(f"1{NNBSP}450")
    assert "Cotisation de l'organisme à l'AFPOLS obligatoire." in html


def test_event_home_invites_to_register_while_registration_is_open(client, event):
    html = page(client, "event_detail", event)
    register_url = register_url_for(event)
    if register_url:
        assert f'href="{register_url}"' in html
        assert "S'inscrire en ligne" in html
    else:
        # The bulletin is not online yet: no dead link, a clearly inactive label.
        assert "Inscriptions bientôt ouvertes" in html
        assert 'aria-disabled="true"' in html


def test_event_home_says_registration_is_closed_after_closing_date(client, event):
    event.registration_closes_at = timezone.now() - dt.timedelta(days=1)
    event.save()
    html = page(client, "event_detail", event)
    assert "Les inscriptions sont closes." in html
    assert "S'inscrire en ligne" not in html
    register_url = register_url_for(event)
    if register_url:
        assert f'href="{register_url}"' not in html


def test_event_home_announces_opening_date_before_registration_opens(client, event):
    event.registration_opens_at = paris(2099, 9, 1, 9, 0)
    event.save()
    html = page(client, "event_detail", event)
    assert "Inscriptions bientôt ouvertes" in html
    assert "Ouverture des inscriptions le mardi 1er septembre 2099." in html
    assert "S'inscrire en ligne" not in html


def test_event_home_links_to_agenda_and_speakers(client, event):
    html = page(client, "event_detail", event)
    assert f'href="{reverse("programme:agenda", kwargs={"slug": event.slug})}"' in html
    assert f'href="{reverse("programme:speakers", kwargs={"slug": event.slug})}"' in html


# Agenda


def test_agenda_has_one_heading_per_day_in_french_and_a_day_navigation(client, event, programme):
    html = page(client, "agenda", event)
    headings = {
        "2012-11-14": "Mercredi 14 novembre 2012",
        "2012-11-15": "Jeudi 15 novembre 2012",
        "2012-11-16": "Vendredi 16 novembre 2012",
    }
    positions = [
        html.index(f'class="agenda-day-heading" id="jour-{day}-titre">{heading}</h2>')
        for day, heading in headings.items()
    ]
    assert positions == sorted(positions)
    for day in ["2012-11-14", "2012-11-15", "2012-11-16"]:
        assert f'<a href="#jour-{day}">' in html
        assert f'<section class="agenda-day" id="jour-{day}"' in html
    assert "Mercredi 14 novembre</a>" in html


def test_agenda_item_has_time_range_kind_title_parts_and_speakers(client, event, programme):
    html = page(client, "agenda", event)
    assert '<time datetime="2012-11-14T09:45:00+01:00">9h45</time>' in html
    assert '<time datetime="2012-11-14T11:15:00+01:00">11h15</time>' in html
    assert '<span class="kind-badge">Étude de cas</span>' in html
    assert '<span class="kind-badge">Table ronde</span>' in html
    assert "Les fresques de la résidence des Noirettes" in html
    assert '<h4 class="agenda-part-heading">Phase 1</h4>' in html
    assert "<li>Un constat d&#x27;impuissance</li>" in html
    assert html.index(">Phase 1<") < html.index(">Phase 2<")
    assert '<span class="speaker-lead-in">Par</span> <a class="speaker-name"' in html
    assert ">Géraud BEAUFRERE</a>" in html
    assert ", Consultant en formation, AFPOLS</span>" in html
    # An elided lead-in ("d'") is glued to the name that follows.
    assert 'participation d&#x27;</span><a class="speaker-name"' in html
    assert '<p class="speaker-group">PARIS HABITAT</p>' in html


def test_agenda_items_have_stable_anchors_with_visible_links(client, event, programme):
    html = page(client, "agenda", event)
    for anchor in [
        "mercredi-0930-lancement",
        "jeudi-1015-table-ronde",
        "vendredi-1030-rehabiliter",
    ]:
        assert f'id="{anchor}"' in html
        assert f'<a class="anchor-link" href="#{anchor}"' in html


def test_agenda_shows_pauses_discreetly_without_kind_badge(client, event, programme):
    html = page(client, "agenda", event)
    start = html.index('id="mercredi-1115-pause"')
    article = html[html.rindex("<article", 0, start) : html.index("</article>", start)]
    assert "agenda-item--pause" in article
    assert "kind-badge" not in article
    assert "Pause" in article


def test_agenda_shows_three_workshops_side_by_side_in_their_slot(client, event, programme):
    html = page(client, "agenda", event)
    slot_start = html.index('id="jeudi-1400-ateliers"')
    slot = html[slot_start : html.index("</article>", slot_start)]
    assert '<div class="row row-cols-1 row-cols-lg-3 g-3 workshops">' in slot
    assert slot.count('class="card h-100 workshop-card"') == 3
    for number in (1, 2, 3):
        assert f'id="atelier-{number}"' in slot
        assert f'<a class="anchor-link" href="#atelier-{number}"' in slot
        assert f"Atelier {number}" in slot
    assert "Les partenariats locaux" in slot
    assert "Présentation de l&#x27;atelier." in slot
    assert "25 places" in slot
    assert slot.count("Représentants du Québec") == 3
    # French spacing: the "?" cannot be pushed alone to the next line.
    assert f"Quelle offre de services{NBSP}?" in slot
    assert slot.index("Les partenariats locaux") < slot.index("Quelle offre de services")


def test_agenda_of_event_without_items_says_programme_comes_later(client, event):
    html = page(client, "agenda", event)
    assert "Le programme détaillé sera publié prochainement." in html


# Speakers


def test_speakers_page_lists_each_speaker_with_role_organisation_and_item_links(
    client, event, programme
):
    html = page(client, "speakers", event)
    agenda_url = reverse("programme:agenda", kwargs={"slug": event.slug})
    assert "Géraud BEAUFRERE" in html
    assert "Consultant en formation" in html
    assert '<p class="speaker-entry-organisation">AFPOLS</p>' in html
    assert f'href="{agenda_url}#mercredi-0930-lancement"' in html
    # One speaker in two items links to both, in programme order.
    planade = html[html.index(f'id="{programme["planade"].slug}"') :]
    planade = planade[: planade.index("</ul>")]
    assert f'href="{agenda_url}#jeudi-1015-table-ronde"' in planade
    assert f'href="{agenda_url}#vendredi-1030-rehabiliter"' in planade
    assert planade.index("jeudi-1015") < planade.index("vendredi-1030")
    assert "Jeudi 15 novembre, 10h15" in planade


def test_speakers_page_links_workshop_speakers_to_each_workshop(client, event, programme):
    html = page(client, "speakers", event)
    agenda_url = reverse("programme:agenda", kwargs={"slug": event.slug})
    assert "Intervenants collectifs" in html
    quebec = html[html.index(f'id="{programme["quebec"].slug}"') :]
    for number in (1, 2, 3):
        assert f'href="{agenda_url}#atelier-{number}"' in quebec
    assert f"Atelier 1{NBSP}: Les partenariats locaux" in quebec


def test_speakers_are_sorted_by_surname_then_collective_ones_last(client, event, programme):
    html = page(client, "speakers", event)
    beaufrere = html.index('speaker-entry-name">Géraud BEAUFRERE')
    planade = html.index('speaker-entry-name">Sylvie PLANADE')
    quebec = html.index('speaker-entry-name">Représentants du Québec')
    assert beaufrere < planade < quebec


def test_agenda_speaker_names_link_to_their_entry_on_speakers_page(client, event, programme):
    html = page(client, "agenda", event)
    speakers_url = reverse("programme:speakers", kwargs={"slug": event.slug})
    assert f'href="{speakers_url}#{programme["planade"].slug}"' in html


def test_speakers_of_other_events_are_not_listed(client, event, programme):
    AppearanceFactory(speaker=SpeakerFactory(name="Autre ÉVÉNEMENT"))
    html = page(client, "speakers", event)
    assert "Autre ÉVÉNEMENT" not in html


# Not found


@pytest.mark.parametrize("name", ["event_detail", "agenda", "speakers"])
def test_pages_of_unknown_event_are_404(client, name):
    response = client.get(reverse(f"programme:{name}", kwargs={"slug": "inconnue"}))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["event_detail", "agenda", "speakers"])
def test_pages_of_unpublished_event_are_404(client, name):
    event = EventFactory(is_published=False)
    response = client.get(reverse(f"programme:{name}", kwargs={"slug": event.slug}))
    assert response.status_code == 404


# Home


def test_home_redirects_to_the_only_published_event(client):
    event = EventFactory()
    EventFactory(is_published=False)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()


def test_home_lists_events_coming_first_when_several_are_published(client):
    today = timezone.localdate()
    past = EventFactory(
        title="Rencontre passée",
        start_date=dt.date(2012, 11, 14),
        end_date=dt.date(2012, 11, 16),
    )
    coming = EventFactory(
        title="Rencontre à venir",
        start_date=today + dt.timedelta(days=30),
        end_date=today + dt.timedelta(days=32),
    )
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Rencontre à venir") < html.index("Rencontre passée")
    assert f'href="{coming.get_absolute_url()}"' in html
    assert f'href="{past.get_absolute_url()}"' in html
    assert "Du mercredi 14 au vendredi 16 novembre 2012" in html
    assert "Terminée" in html


def test_home_shows_an_empty_state_when_no_event_is_published(client):
    EventFactory(is_published=False)
    response = client.get("/")
    assert response.status_code == 200
    assert "Aucune rencontre n'est publiée pour le moment." in response.content.decode()


# Escaping


def test_html_typed_in_titles_is_shown_as_text_on_every_page(client):
    event = EventFactory(title="<script>alert('titre')</script>", subtitle="<b>gras</b>")
    item = ProgrammeItemFactory(
        event=event, title="<img src=x onerror=alert(1)>", bullets="<i>puce</i>"
    )
    ItemPartFactory(item=item, heading="<u>Phase</u>")
    AppearanceFactory(
        item=item,
        lead_in="<em>Par</em>",
        group="<h1>GROUPE</h1>",
        speaker=SpeakerFactory(name="<script>x</script>", role="<b>rôle</b>"),
    )
    TariffFactory(event=event, label="<s>tarif</s>", included="<marquee>tout</marquee>")
    pages = [page(client, name, event) for name in ["event_detail", "agenda", "speakers"]]
    joined = "\n".join(pages)
    for raw in [
        "<script>alert",
        "<b>gras",
        "<img src=x",
        "<i>puce",
        "<u>Phase",
        "<em>Par",
        "<h1>GROUPE",
        "<script>x",
        "<b>rôle",
        "<s>tarif",
        "<marquee>",
    ]:
        assert raw not in joined
    assert "&lt;script&gt;alert(&#x27;titre&#x27;)&lt;/script&gt;" in pages[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[1]
    assert "&lt;i&gt;puce&lt;/i&gt;" in pages[1]
    assert "&lt;script&gt;x&lt;/script&gt;" in pages[2]
    assert "&lt;s&gt;tarif&lt;/s&gt;" in pages[0]
