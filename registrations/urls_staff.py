"""Staff pages outside the admin, made for a phone (check-in at the door)."""

from django.urls import path

from . import views_checkin, views_survey

app_name = "staff"

urlpatterns = [
    path(
        "questionnaire/<slug:slug>/resultats.xlsx",
        views_survey.SurveyResultsXLSXView.as_view(),
        name="survey_xlsx",
    ),
    path(
        "pointage/scan/<str:code>/", views_checkin.CheckInScanView.as_view(), name="check_in_scan"
    ),
    path("pointage/<slug:slug>/", views_checkin.AttendanceIndexView.as_view(), name="attendance"),
    path(
        "pointage/<slug:slug>/<str:half_day>/",
        views_checkin.AttendanceRollView.as_view(),
        name="attendance_roll",
    ),
]
