from django.urls import path

from experts.feeds import ExpertFeed
from forum import scopes
from forum.feeds import rss
from forum.urls import feed

# Below /feeds/experts/, beside the forum's own feeds (no namespace: the names are feed_expert and _rss).
urlpatterns = [
    path("<slug:slug>/", feed(ExpertFeed(), scopes.expert), name="feed_expert"),
    path("<slug:slug>/rss/", feed(rss(ExpertFeed)(), scopes.expert), name="feed_expert_rss"),
]
