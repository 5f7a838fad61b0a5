"""Attendance: one row per participant present on one half-day of the event."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programme.enums import HalfDayPeriod

from ..enums import CheckInMethod
from .registration import Registration


class Attendance(models.Model):
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("inscription"),
    )
    day = models.DateField(_("jour"))
    period = models.CharField(_("demi-journée"), max_length=12, choices=HalfDayPeriod.choices)
    checked_in_at = models.DateTimeField(_("pointé le"))
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pointé par"),
    )
    method = models.CharField(_("mode de pointage"), max_length=10, choices=CheckInMethod.choices)

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        ordering = ["day", "period", "registration__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "day", "period"],
                name="attendance_once_per_half_day",
                violation_error_message=_(
                    "Ce participant est déjà pointé présent pour cette demi-journée."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period__in=HalfDayPeriod.values), name="attendance_period_valid"
            ),
            models.CheckConstraint(
                condition=Q(method__in=CheckInMethod.values), name="attendance_method_valid"
            ),
        ]

    def __str__(self):
        return f"{self.registration} — {self.day:%d/%m} {self.get_period_display()}"
