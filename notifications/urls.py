from django.urls import path

from notifications import views

app_name = "notifications"

# Below /alerts/: the links in alert and notification emails (they must keep working once sent).
urlpatterns = [
    path("confirm/<str:token>/", views.AlertConfirmView.as_view(), name="alert_confirm"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
