"""The daily bulletin on a database holding only the three published files: it names its source, mentions the
other source's figure, and never calls a correction or a catch-up jump a day's doses."""

from __future__ import annotations

import json

import pytest

from data import bulletin as bulletin_cli


@pytest.fixture
def real_url(real_only_url: str) -> str:
    return real_only_url


def note(monkeypatch, capsys, url: str, *args: str) -> tuple[int, str]:
    monkeypatch.setenv("DATABASE_URL", url)
    status = bulletin_cli.main(list(args))
    return status, capsys.readouterr().out


def test_22_june_2021_is_cowin_s_figure_and_mentions_the_ministry_s(real_url, monkeypatch, capsys) -> None:
    status, out = note(monkeypatch, capsys, real_url, "--date", "2021-06-22")
    assert status == 0
    assert "On 22 June 2021, 1,25,214 doses were given in Chhattisgarh, according to CoWIN." in out
    assert "The health ministry (MoHFW) reported 1,10,143 doses for the day." in out
    assert out.rstrip().endswith("Source: CoWIN.")


def test_hindi_throughout(real_url, monkeypatch, capsys) -> None:
    status, out = note(monkeypatch, capsys, real_url, "--date", "2021-06-22", "--lang", "hi")
    assert status == 0
    assert "कोविन के अनुसार, छत्तीसगढ़ में 22 जून 2021 को 1,25,214 खुराकें दी गईं।" in out
    assert "स्रोत: कोविन।" in out and "According" not in out


def test_pinned_to_the_ministry(real_url, monkeypatch, capsys) -> None:
    status, out = note(monkeypatch, capsys, real_url, "--date", "2021-06-22", "--source", "mohfw", "--json")
    figures = json.loads(out)
    assert status == 0
    assert (figures["source"], figures["doses"]) == ("mohfw", 1_10_143)
    assert [(o["source"], o["doses"]) for o in figures["others"]] == [("cowin", 1_25_214)]


def test_9_march_2021_is_a_correction_not_negative_doses(real_url, monkeypatch, capsys) -> None:
    status, out = note(monkeypatch, capsys, real_url, "--date", "2021-03-09")
    assert status == 0
    assert "is not one day's doses: correction: the cumulative fell by 83,734" in out
    assert "-83" not in out and "−83" not in out
    status, out = note(monkeypatch, capsys, real_url, "--date", "2021-03-09", "--json")
    figures = json.loads(out)
    assert (figures["status"], figures["doses"], figures["first_doses"]) == ("correction", 0, 0)


def test_a_district_before_26_april_2021_from_cowin_s_district_series(real_url, monkeypatch, capsys) -> None:
    status, out = note(monkeypatch, capsys, real_url, "--date", "2021-04-20", "--district", "Raipur")
    assert status == 0
    assert "according to CoWIN (district series)" in out
    status, out = note(monkeypatch, capsys, real_url, "--date", "2021-06-22", "--district", "Raipur", "--json")
    assert status == 1 and json.loads(out)["error"] == "no_figures"
