from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("ask/similar/", views.ask_similar, name="ask_similar"),
]
