from django.urls import path

from experts import views

app_name = "experts"

urlpatterns = [
    path("", views.ExpertListView.as_view(), name="list"),
    path("apply/", views.ApplyView.as_view(), name="apply"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("dashboard/questions/<int:pk>/claim/", views.claim, name="claim"),
    path("dashboard/questions/<int:pk>/release/", views.release, name="release"),
    path("dashboard/questions/<int:pk>/answer/", views.AnswerEditorView.as_view(), name="answer"),
    path("dashboard/questions/<int:pk>/ask-asker/", views.request_information, name="request_information"),
    path("dashboard/answers/<int:pk>/revise/", views.AnswerReviseView.as_view(), name="revise"),
    path("dashboard/answers/<int:pk>/reviewed/", views.mark_reviewed, name="mark_reviewed"),
    path("dashboard/answers/<int:pk>/review/", views.ReviewView.as_view(), name="review"),
    path("dashboard/answers/<int:pk>/review/claim/", views.review_claim, name="review_claim"),
    path("dashboard/answers/<int:pk>/review/release/", views.review_release, name="review_release"),
    path("dashboard/answers/<int:pk>/agree/", views.peer_agree, name="peer_agree"),
    path("dashboard/answers/<int:pk>/concern/", views.peer_concern, name="peer_concern"),
    path("<slug:slug>/", views.ExpertDetailView.as_view(), name="profile"),
]
