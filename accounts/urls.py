from django.urls import path

from accounts import views

urlpatterns = [
    path("", views.AccountView.as_view(), name="account"),
    path("export/", views.account_export, name="account_export"),
    path("delete/", views.AccountDeleteView.as_view(), name="account_delete"),
]
