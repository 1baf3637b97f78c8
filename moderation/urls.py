from django.urls import path

from moderation import views

app_name = "moderation"

urlpatterns = [
    path("report/<str:kind>/<int:pk>/", views.ReportView.as_view(), name="report"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/sent/", views.contact_sent, name="contact_sent"),
]
