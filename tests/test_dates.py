"""Indonesian date parsing (graph.dates)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.dates import find_date, iter_dates, metadata_line_date, parse_indonesian_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selasa, 20 Oct 2015 19:08 WIB", "2015-10-20"),
        ("Minggu (27/8/2017)", "2017-08-27"),
        ("5 Mei 2021", "2021-05-05"),
        ("Kamis 8 September 2016", "2016-09-08"),
        ("20/10/2015", "2015-10-20"),
        ("2015-10-20", "2015-10-20"),
        ("2015-10-20T19:08:00+07:00", "2015-10-20"),
        ("20 Oktober 2015 | 19:08 WIB", "2015-10-20"),
        ("Jumat, 3 Des. 2021 07.30 WITA", "2021-12-03"),
        ("1 Januari 2020", "2020-01-01"),
        ("14 Pebruari 2019", "2019-02-14"),
        ("17 Agustus 1945", "1945-08-17"),
        ("17 Agt 2019", "2019-08-17"),
        ("17 Agu 2019", "2019-08-17"),
        ("Rabu, 12 Jun 2019", "2019-06-12"),
        ("10 Nopember 2018", "2018-11-10"),
        ("Oct 20, 2015", "2015-10-20"),
        ("October 20th, 2015", "2015-10-20"),
        ("Senin (3/2/20)", "2020-02-03"),
        ("Kompas.com - 20/12/2018, 10:15 WIB", "2018-12-20"),
        ("diperbarui 31-12-2020", "2020-12-31"),
        ("30 MARET 2023", "2023-03-30"),
    ],
)
def test_parse_formats(text: str, expected: str) -> None:
    assert parse_indonesian_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "tanpa tanggal", "31 Februari 2020", "32/1/2020", "Rp 1.000.000", "promo 11.11",
     "pukul 19:08 WIB", "versi 3.10.2", "Senin (3/2)", "13/13/2013", "5 Mei"],
)
def test_not_dates(text: str) -> None:
    assert parse_indonesian_date(text) is None


def test_iter_dates_in_order_without_overlap() -> None:
    found = iter_dates("Dari 2015-10-20 hingga Minggu (27/8/2017) dan 5 Mei 2021.")
    assert [iso for _, _, iso in found] == ["2015-10-20", "2017-08-27", "2021-05-05"]


def test_metadata_line_date() -> None:
    assert metadata_line_date("Budi Santoso • Selasa, 20 Oct 2015 19:08 WIB") == "2015-10-20"
    assert metadata_line_date("Rabu, 12 Jun 2019 14:35 WIB") == "2019-06-12"
    sentence = "Presiden Joko Widodo meresmikan jalan tol itu pada 20 Oktober 2015 di Batang."
    assert metadata_line_date(sentence) is None


def test_find_date_prefers_byline_over_story() -> None:
    text = ("Judul Berita\nBudi Santoso | Selasa, 20 Oct 2015 19:08 WIB\n"
            "Pertemuan itu menindaklanjuti pertemuan pada 14 Mei 2017, kata dia, Senin (3/4/2017).")
    assert find_date(text) == "2015-10-20"


def test_find_date_prefers_syndication_note() -> None:
    text = ("Kesepakatan itu diteken pada 14 Mei 2017 di Beijing, kata Iza, Minggu (2/7/2017).\n"
            "Berita ini sudah tayang di Kontan.co.id dengan judul \"X\" pada Minggu (27/8/2017)")
    assert find_date(text) == "2017-08-27"


def test_find_date_story_needs_weekday() -> None:
    assert find_date("Perjanjian itu diteken pada 14 Mei 2017 oleh kedua negara.") is None
    text = "\"Kami siap,\" ujar Rudiantara di Jakarta, Kamis 8 September 2016."
    assert find_date(text) == "2016-09-08"


@given(st.text(max_size=300))
def test_parse_never_raises(text: str) -> None:
    result = parse_indonesian_date(text)
    assert result is None or len(result) == 10
