from django.urls import path

from forum import views

app_name = "forum"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
]
