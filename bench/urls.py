"""The site's URLs and, for the benchmark only, the floor: a plain Django view served by the
same gunicorn through the same middleware, building nothing."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache


@never_cache
def plain(request):
    return HttpResponse("A plain Django view.", content_type="text/plain")


urlpatterns = [path("bench/plain/", plain), path("", include("hub.urls"))]
