"""How values read on the site: outlet names and lists as text."""

from __future__ import annotations

from kb.site.display import json_list_text, list_text, outlet, reader_date, url_host, xml_safe


def test_outlet_names_come_from_source_then_host():
    assert outlet("Le Monde", "https://www.lemonde.fr/x", "a.txt") == "Le Monde"
    assert outlet(None, "https://www.lemonde.fr/x", "a.txt") == "lemonde.fr"
    assert outlet("  ", None, "https://sz.de/story/1") == "sz.de"
    assert outlet(None, None, "corpus/000_abc.txt") == "Unnamed outlet"
    assert url_host("ftp://example.org/x") is None


def test_lists_read_as_text():
    assert list_text(["Le Monde", "Süddeutsche Zeitung"]) == "Le Monde, Süddeutsche Zeitung"
    assert json_list_text('["Le Monde", "S\\u00fcddeutsche Zeitung"]') == (
        "Le Monde, Süddeutsche Zeitung"
    )
    assert json_list_text('[{"text": "hundreds", "min": 200, "max": 999}]') == (
        "hundreds (200–999)"
    )
    assert json_list_text("[not json") == "[not json"
    assert json_list_text(None) == ""
    assert reader_date("--12-15") == "15 December, year not given"
    assert reader_date("2025-12") == "2025-12"


def test_xml_safe_drops_only_what_xml_cannot_carry():
    assert xml_safe("a\x00b\x07c\td\ne <é>") == "abc\td\ne <é>"
