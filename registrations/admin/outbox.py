"""The outbox in Victoria's admin: the messages of a registration on its page (read-only),
a filter for registrations with a failed message, and an action that sends them again."""

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from afpols_events.forms import CleanTextAdminMixin

from .. import services
from ..enums import MessageState
from ..models import OutgoingMessage


class OutgoingMessageInline(CleanTextAdminMixin, admin.StackedInline):
    # Read-only, but its form is a clean one too like every admin form (a test checks it).
    model = OutgoingMessage
    # Stacked: each message reads as label and value (the tabular layout leaves empty
    # table headers, which screen readers announce as nothing).
    verbose_name = _("message")
    verbose_name_plural = _("messages envoyés (e-mails)")
    fields = readonly_fields = (
        "created_at",
        "kind_label",
        "recipient",
        "state",
        "attempts",
        "last_attempt_at",
        "retry_after",
        "sent_at",
        "last_error",
    )
    extra = 0
    max_num = 0
    can_delete = False

    @admin.display(description=_("message"))
    def kind_label(self, message):
        return message.kind_label

    # The messages are part of the registration's record: whoever may see the registration
    # sees them, nobody edits them by hand (the action sends them again).
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("registrations.view_registration")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MessageStateFilter(admin.SimpleListFilter):
    title = _("messages")
    parameter_name = "message"

    def lookups(self, request, model_admin):
        return (
            (MessageState.FAILED.value, _("Avec un message en échec")),
            (MessageState.RETRY.value, _("Avec un message en attente d'un nouvel essai")),
        )

    def queryset(self, request, queryset):
        if self.value() not in (MessageState.FAILED, MessageState.RETRY):
            return queryset
        same_state = OutgoingMessage.objects.filter(registration=OuterRef("pk"), state=self.value())
        return queryset.filter(Exists(same_state))


@admin.action(
    description=_("Renvoyer les messages en échec des inscriptions sélectionnées"),
    permissions=("change",),
)
def send_failed_messages_again(modeladmin, request, queryset):
    count = sum(
        services.messages_send_again(registration=registration) for registration in queryset
    )
    # French puts 0 in the singular; the msgids are French and have no catalogue.
    text = ngettext(
        "%(count)d message remis en file d'envoi.",
        "%(count)d messages remis en file d'envoi.",
        max(count, 1),
    )
    modeladmin.message_user(
        request, text % {"count": count}, messages.SUCCESS if count else messages.WARNING
    )
