"""Public URLs that are not pages: the open-data feed, at stable addresses."""

from django.urls import path

from iag.views import open_data

urlpatterns = [
    path("v1/iag-advice.json", open_data.advice_json, name="iag_open_data_json"),
    path("v1/iag-advice.csv", open_data.advice_csv, name="iag_open_data_csv"),
]
