from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("questions/<int:pk>/comments/new/", views.comment_post, name="comment_post"),
    path("comments/<int:pk>/edit/", views.CommentEditView.as_view(), name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
]
