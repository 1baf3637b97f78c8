from django.urls import path

from notifications import views

# /account/ itself: notification preferences and alerts (export and deletion are accounts' own pages).
urlpatterns = [path("", views.AccountView.as_view(), name="account")]
