"""Downloading the agenda PDF: file name, cache per content version, ETag and 304."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from programme.models import Speaker
from tests.admin_forms import form_data
from tests.factories import AppearanceFactory, EventFactory, ProgrammeItemFactory, TariffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event = EventFactory(
        slug="rencontres-formation-2012",
        # The event admin requires a closing date.
        registration_closes_at=timezone.now() + dt.timedelta(days=30),
    )
    AppearanceFactory(item=ProgrammeItemFactory(event=event, title="Lancement des rencontres"))
    TariffFactory(event=event)
    return event


def pdf_url(event):
    return reverse("programme:agenda_pdf", kwargs={"slug": event.slug})


def test_download_is_a_pdf_attachment_with_a_meaningful_name(client, event):
    response = client.get(pdf_url(event))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="programme-rencontres-formation-2012.pdf"'
    )
    assert response["ETag"].startswith('"')
    assert response.content.startswith(b"%PDF-")


def test_second_download_is_served_from_the_cache_without_rendering(client, event, rendered_pdfs):
    first = client.get(pdf_url(event))
    second = client.get(pdf_url(event))

    assert rendered_pdfs == ["programme/pdf/agenda.html"]
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_matching_if_none_match_gives_304_without_rendering(client, event, rendered_pdfs):
    etag = client.get(pdf_url(event))["ETag"]
    rendered_pdfs.clear()

    response = client.get(pdf_url(event), headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""
    assert rendered_pdfs == []


def test_stale_if_none_match_gives_the_full_pdf(client, event):
    response = client.get(pdf_url(event), headers={"if-none-match": '"an-old-version"'})

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_speaker_edited_in_the_admin_gives_a_new_pdf_and_a_new_etag(
    client, admin_client, event, rendered_pdfs
):
    first = client.get(pdf_url(event))
    speaker = Speaker.objects.get(appearances__item__event=event)

    response = admin_client.post(
        reverse("admin:programme_speaker_change", args=[speaker.pk]),
        {
            "name": "Pierre CHENEL",
            "role": "Directeur de l'Agence de Vaux en Velin",
            "organisation": "Villeurbanne Est Habitat",
            "slug": speaker.slug,
        },
    )
    assert response.status_code == 302
    second = client.get(pdf_url(event))

    assert len(rendered_pdfs) == 2
    assert second["ETag"] != first["ETag"]
    assert second.content != first.content
    assert second.content[:5] == b"%PDF-"


def test_tariff_saved_in_the_admin_gives_a_new_etag_and_renders_again(
    client, admin_client, event, rendered_pdfs
):
    first = client.get(pdf_url(event))
    change_url = reverse("admin:programme_event_change", args=[event.pk])
    data = form_data(admin_client, change_url)
    label = next(name for name in data if name.endswith("-0-label"))
    data[label] = "Repas du midi inclus"
    assert admin_client.post(change_url, data).status_code == 302

    second = client.get(pdf_url(event), headers={"if-none-match": first["ETag"]})

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert len(rendered_pdfs) == 2


@pytest.mark.parametrize("slug", ["inconnue", "non-publiee"])
def test_unknown_or_unpublished_event_is_404(client, slug):
    EventFactory(slug="non-publiee", is_published=False)

    response = client.get(reverse("programme:agenda_pdf", kwargs={"slug": slug}))

    assert response.status_code == 404
