"""The satisfaction questionnaire in the admin: questions per event, answers read-only."""

from django.contrib import admin

from afpols_events.forms import CleanTextAdminMixin

from ..models import SurveyAnswer, SurveyQuestion, SurveyResponse


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(CleanTextAdminMixin, admin.ModelAdmin):
    list_display = ["text", "event", "phase", "kind", "required", "position"]
    list_editable = ["position"]
    list_filter = ["event", "phase", "kind"]
    list_select_related = ["event"]
    fields = ["event", "phase", "position", "text", "kind", "required"]


class SurveyAnswerInline(CleanTextAdminMixin, admin.TabularInline):
    model = SurveyAnswer
    fields = ["question", "rating", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SurveyResponse)
class SurveyResponseAdmin(CleanTextAdminMixin, admin.ModelAdmin):
    list_display = ["registration", "phase", "submitted_at"]
    list_filter = ["registration__event", "phase"]
    list_select_related = ["registration"]
    readonly_fields = ["registration", "phase", "submitted_at"]
    inlines = [SurveyAnswerInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
