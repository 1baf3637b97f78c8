from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, URLResolver, include, path

from core.cache import public_page
from experts.sitemaps import ExpertSitemap
from forum import scopes
from forum.sitemaps import SITEMAPS as FORUM_SITEMAPS

SITEMAPS = {"experts": ExpertSitemap, **FORUM_SITEMAPS}

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("account/", include("notifications.account_urls")),
    path("account/", include("accounts.urls")),
    path("alerts/", include("notifications.urls")),
    path("experts/", include("experts.urls")),
    path("feeds/experts/", include("experts.feed_urls")),
    path(
        "sitemap.xml",
        public_page(sitemap, reads=("p",), scopes=[scopes.LATEST, scopes.EXPERT_DIRECTORY]),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("", include("comments.urls")),
    path("", include("search.urls")),
    path("", include("moderation.urls")),
    path("", include("forum.urls")),
]

if settings.FORUM_BENCH_HELLO:
    from forum.views import hello

    urlpatterns.insert(0, path("bench/hello", hello))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
