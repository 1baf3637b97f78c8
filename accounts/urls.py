from django.urls import path

from accounts import views

urlpatterns = [
    path("export/", views.account_export, name="account_export"),
    path("delete/", views.AccountDeleteView.as_view(), name="account_delete"),
]
