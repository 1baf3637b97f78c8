from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from experts.models import ExpertProfile


class ExpertSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet[ExpertProfile]:
        return ExpertProfile.objects.verified().only("slug").order_by("public_name")
