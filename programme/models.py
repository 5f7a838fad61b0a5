"""The event and its content: event, programme items and their parts, speakers and their
appearances, workshops, tariffs.

Why one module of ~360 lines: these models are one aggregate (everything hangs off the
event) and are read together by the agenda, its exports and the admin.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from afpols_events.text import split_lines

from . import inclusions
from .enums import ItemKind


class TextBlocks:
    """Paragraphs and bullets of models storing them one per line in ``description`` and
    ``bullets``."""

    @property
    def description_paragraphs(self):
        return split_lines(self.description)

    @property
    def bullet_list(self):
        return split_lines(self.bullets)


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Event(models.Model):
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    reference_prefix = models.CharField(
        _("préfixe des références"),
        max_length=12,
        unique=True,
        help_text=_("Début des références d'inscription, par exemple RF2012."),
    )
    series = models.CharField(
        _("cycle"), max_length=200, help_text=_("Par exemple : Rencontres formation des …")
    )
    title = models.CharField(_("titre"), max_length=200)
    subtitle = models.CharField(_("sous-titre"), max_length=200, blank=True)
    theme = models.CharField(_("thème"), max_length=200, blank=True)
    start_date = models.DateField(_("premier jour"))
    end_date = models.DateField(_("dernier jour"))

    venue_name = models.CharField(_("lieu"), max_length=200)
    venue_address = models.TextField(_("adresse du lieu"))
    venue_phone = models.CharField(_("téléphone du lieu"), max_length=40, blank=True)

    contact_name = models.CharField(_("contact"), max_length=120)
    contact_phone = models.CharField(_("téléphone du contact"), max_length=40, blank=True)
    contact_fax = models.CharField(_("fax du contact"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail du contact"))
    postal_address = models.TextField(
        _("adresse postale des bulletins"),
        help_text=_("Où renvoyer le bulletin d'inscription papier."),
    )

    stakes = models.TextField(_("enjeux"), help_text=_("Un paragraphe par ligne."))
    objectives = models.TextField(_("objectifs"), help_text=_("Un objectif par ligne."))

    registration_opens_at = models.DateTimeField(
        _("ouverture des inscriptions"), null=True, blank=True
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"), null=True, blank=True
    )
    seat_capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : sans limite.")
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("délai de réponse à une place libérée (heures)"),
        default=48,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Quand une place se libère, la première personne de la liste d'attente à qui "
            "elle convient a ce délai pour l'accepter."
        ),
    )
    is_published = models.BooleanField(_("publié"), default=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    # Bumped in the same transaction by every write of what the public pages and exports
    # show (programme/content_version.py); pages and files are cached by it.
    content_version = models.PositiveBigIntegerField(
        _("version du contenu"), default=1, editable=False
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
                violation_error_message=_("Le dernier jour ne peut précéder le premier."),
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_closes_after_opening",
                violation_error_message=_(
                    "La clôture des inscriptions doit suivre leur ouverture."
                ),
            ),
            models.CheckConstraint(
                condition=Q(offer_hours__gte=1), name="event_offer_hours_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:event_detail", kwargs={"slug": self.slug})

    @property
    def stakes_paragraphs(self):
        return split_lines(self.stakes)

    @property
    def objective_list(self):
        return split_lines(self.objectives)

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)

    def registration_not_yet_open(self, now=None):
        now = now or timezone.now()
        return bool(self.registration_opens_at and now < self.registration_opens_at)


class Speaker(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    role = models.CharField(_("fonction"), max_length=300, blank=True)
    organisation = models.CharField(_("organisme"), max_length=200, blank=True)
    is_collective = models.BooleanField(
        _("intervenant collectif"),
        default=False,
        help_text=_("Par exemple : « Représentants du Québec »."),
    )
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("intervenant")
        verbose_name_plural = _("intervenants")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def description(self):
        """ "Directeur de l'Agence de Vaux en Velin, Villeurbanne Est Habitat"."""
        return ", ".join(part for part in (self.role, self.organisation) if part)


class ProgrammeItem(TextBlocks, models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="items", verbose_name=_("événement")
    )
    anchor = models.SlugField(
        _("ancre"),
        max_length=80,
        help_text=_("Identifiant stable pour lier à cette séquence (#ancre)."),
    )
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"), null=True, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("titre"), max_length=300)
    description = models.TextField(
        _("présentation"), blank=True, help_text=_("Un paragraphe par ligne.")
    )
    bullets = models.TextField(_("points abordés"), blank=True, help_text=_("Un point par ligne."))
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("séquence du programme")
        verbose_name_plural = _("séquences du programme")
        ordering = ["starts_at", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "anchor"],
                name="item_anchor_unique_per_event",
                violation_error_message=_(
                    "Cette ancre est déjà celle d'une autre séquence de l'événement."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="item_ends_after_start",
                violation_error_message=_("La fin doit être postérieure au début."),
            ),
        ]

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%d/%m %H:%M} {self.title}"

    @property
    def is_pause(self):
        return self.kind in ItemKind.pauses()


class ItemPart(TextBlocks, models.Model):
    """A sub-part of an item, such as "Phase 1" / "Phase 2"."""

    item = models.ForeignKey(
        ProgrammeItem, on_delete=models.CASCADE, related_name="parts", verbose_name=_("séquence")
    )
    heading = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)
    bullets = models.TextField(_("points abordés"), blank=True, help_text=_("Un point par ligne."))
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("partie")
        verbose_name_plural = _("parties")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading


class Workshop(TextBlocks, models.Model):
    """One of the parallel workshops (ateliers) held during a "workshops" item."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="workshops", verbose_name=_("événement")
    )
    slot = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.CASCADE,
        related_name="workshops",
        verbose_name=_("créneau"),
        limit_choices_to={"kind": ItemKind.WORKSHOPS},
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("titre"), max_length=300)
    description = models.TextField(
        _("présentation"), blank=True, help_text=_("Un paragraphe par ligne.")
    )
    bullets = models.TextField(_("points abordés"), blank=True, help_text=_("Un point par ligne."))
    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : sans limite.")
    )
    room = models.CharField(
        _("salle"),
        max_length=120,
        blank=True,
        help_text=_("Imprimée sur la feuille d'émargement de l'atelier."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        ordering = ["slot__starts_at", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "number"],
                name="workshop_number_unique_per_event",
                violation_error_message=_("L'événement a déjà un atelier portant ce numéro."),
            ),
            # Target of the composite foreign key (workshop, event) of a registration,
            # which keeps a registration's workshop within its event (registrations 0002).
            models.UniqueConstraint(fields=["id", "event"], name="workshop_id_event_unique"),
        ]

    def __str__(self):
        return _("Atelier %(number)s : %(title)s") % {"number": self.number, "title": self.title}

    @property
    def anchor(self):
        return f"atelier-{self.number}"


class Appearance(models.Model):
    """A speaker's part in one programme item or one workshop."""

    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="appearances", verbose_name=_("intervenant")
    )
    item = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.CASCADE,
        related_name="appearances",
        null=True,
        blank=True,
        verbose_name=_("séquence"),
    )
    workshop = models.ForeignKey(
        Workshop,
        on_delete=models.CASCADE,
        related_name="appearances",
        null=True,
        blank=True,
        verbose_name=_("atelier"),
    )
    lead_in = models.CharField(
        _("introduction"),
        max_length=120,
        blank=True,
        help_text=_("Texte avant le nom, par exemple « Par » ou « Avec la participation d' »."),
    )
    group = models.CharField(
        _("groupe"),
        max_length=120,
        blank=True,
        help_text=_("Intitulé qui regroupe des intervenants, par exemple « PARIS HABITAT »."),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(item__isnull=False) & Q(workshop__isnull=True))
                | (Q(item__isnull=True) & Q(workshop__isnull=False)),
                name="appearance_in_item_xor_workshop",
                violation_error_message=_(
                    "Un intervenant intervient soit dans une séquence, soit dans un atelier."
                ),
            ),
        ]

    def __str__(self):
        return str(self.speaker)


class Tariff(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="tariffs", verbose_name=_("événement")
    )
    label = models.CharField(_("libellé"), max_length=200)
    amount = models.DecimalField(_("montant (€)"), max_digits=8, decimal_places=2)
    included = models.TextField(
        _("autres prestations comprises"),
        blank=True,
        help_text=_("Une prestation par ligne, en plus des nuits et repas ci-dessous."),
    )
    # What the tariff includes, as data (see programme/inclusions.py): the nights and the
    # dinners as lists of ISO dates ("2012-11-14": the night or the dinner of that day),
    # and whether the lunches are included.
    nights = models.JSONField(
        _("nuits comprises"),
        default=list,
        blank=True,
        help_text=_("La nuit qui suit chaque jour coché."),
    )
    dinners = models.JSONField(_("dîners compris"), default=list, blank=True)
    lunches = models.BooleanField(_("repas du midi compris"), default=False)
    capacity = models.PositiveIntegerField(
        _("nombre de places à ce tarif"),
        null=True,
        blank=True,
        help_text=_("Par exemple le nombre de chambres réservées. Vide : sans limite."),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        # The table keeps the name it had when tariffs lived in registrations (migration
        # programme 0004 moved the model without copying its rows).
        db_table = "registrations_tariff"
        verbose_name = _("tarif")
        verbose_name_plural = _("tarifs")
        ordering = ["event", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="tariff_amount_positive",
                violation_error_message=_("Le montant doit être positif."),
            ),
            models.UniqueConstraint(
                fields=["event", "label"],
                name="tariff_label_unique_per_event",
                violation_error_message=_("L'événement a déjà un tarif portant ce libellé."),
            ),
            # Target of the composite foreign key (tariff, event) of a registration, which
            # keeps a registration's tariff within its event (registrations migration 0002).
            models.UniqueConstraint(fields=["id", "event"], name="tariff_id_event_unique"),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        inclusions.validate(self)

    @property
    def night_dates(self):
        return inclusions.dates(self.nights)

    @property
    def dinner_dates(self):
        return inclusions.dates(self.dinners)

    def inclusion_summary(self):
        """What the tariff includes, one French line each (cards, PDFs, invoice lines)."""
        return inclusions.summary(self)

    @property
    def included_list(self):
        return self.inclusion_summary()

    def includes_item(self, item):
        """Whether a participant at this tariff attends ``item`` (meals and dinners)."""
        return inclusions.includes_item(self, item)
