"""Boilerplate removal (graph.clean) on invented articles in the style of many outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.clean import canonical_outlet, clean_document, clean_text, format_cleaned
from graph.records import Document, content_id

DETIK = """\
Andi Saputra - detikFinance
Rabu, 12 Jun 2019 14:35 WIB
Foto: Menteri Keuangan Sri Mulyani (Ari Saputra/detikcom)
Jakarta - Menteri Keuangan Sri Mulyani Indrawati menyebut defisit anggaran masih aman. Hal itu \
disampaikan dalam rapat kerja dengan DPR.

ADVERTISEMENT

SCROLL TO CONTINUE WITH CONTENT

"Defisit kita masih di bawah tiga persen dari PDB," kata Sri Mulyani di DPR, Rabu (12/6/2019).

Baca juga: Rupiah Menguat ke Level Rp 14.200/US$

Menurutnya, pemerintah akan terus menjaga kesehatan fiskal sepanjang tahun ini.
[Gambas:Video 20detik]
(ang/hns)
"""

KOMPAS = """\
Jokowi Resmikan Tol Batang-Semarang
Kompas.com - 20/12/2018, 10:15 WIB
Presiden Joko Widodo meresmikan jalan tol di Batang, Kamis (20/12/2018). (KOMPAS.com/IHSANUDDIN)
Penulis Ihsanuddin | Editor Sabrina Asril
BATANG, KOMPAS.com - Presiden Joko Widodo meresmikan ruas tol Batang-Semarang sepanjang 75 km.

Jokowi mengatakan, tol ini akan memangkas waktu tempuh secara signifikan.

Baca juga: Tarif Tol Trans-Jawa Dinilai Mahal, Ini Kata Menteri PUPR

"Dulu Jakarta-Surabaya bisa dua hari, sekarang bisa ditempuh dalam 10 jam," ujar Jokowi.
Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di \
Grup Telegram "Kompas.com News Update", caranya klik link https://t.me/kompascomupdate.
Tulis komentarmu dengan tagar #JernihBerkomentar dan menangkan e-voucher untuk 90 pemenang!
Syarat & KetentuanPeriksa kembali dan lengkapi data dirimu.
Data dirimu akan digunakan untuk verifikasi akun ketika kamu membutuhkan bantuan atau ketika \
ditemukan aktivitas tidak biasa pada akunmu.
"""

ANTARA = """\
Selasa, 20 Oktober 2015 19:08 WIB
Gubernur Bank Indonesia Perry Warjiyo. (ANTARA FOTO/Hafidz Mubarak A)
Jakarta (ANTARA) - Bank Indonesia mempertahankan suku bunga acuan sebesar 6 persen.

Keputusan itu diambil dalam Rapat Dewan Gubernur yang berlangsung selama dua hari.

"Kebijakan ini konsisten dengan upaya menjaga stabilitas," kata Perry di Jakarta, Kamis.
Pewarta: Citro Atmoko
Editor: Risbiani Fardaniah
COPYRIGHT © ANTARA 2019
"""

TEMPO = """\
Reporter: Andita Rahma
Editor: Amirullah Suhada
Kamis, 5 September 2019 21:14 WIB
TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi (KPK) menetapkan seorang bupati sebagai tersangka.
Juru bicara KPK, Febri Diansyah, mengatakan penetapan tersangka dilakukan setelah gelar perkara.
Baca: KPK Periksa Lima Saksi Kasus Suap
Penyidik juga menyita uang tunai senilai Rp 1 miliar dari lokasi (Baca: KPK Sita Mobil Mewah).
"""

LIPUTAN6 = """\
Liputan6.com, Jakarta - Harga emas batangan PT Aneka Tambang Tbk (Antam) naik Rp 5.000 per gram.
Sebelumnya harga emas Antam sempat turun dua hari berturut-turut.
Simak Video Pilihan di Bawah Ini:
Cara Beli Emas Antam Secara Online
Investor disarankan membeli emas untuk jangka panjang, kata analis.
(Arthur Gideon)
"""

TRIBUN = """\
Laporan Wartawan Tribunnews.com, Danang Triatmojo
TRIBUNNEWS.COM, BEKASI - Banjir merendam ratusan rumah warga di Kecamatan Bekasi Timur sejak Sabtu.
Ketinggian air mencapai satu meter di beberapa titik, kata petugas.
Warga mengungsi ke masjid terdekat sejak Sabtu malam, kata Lurah. (Tribunnews.com/Danang)
Artikel ini telah tayang di Tribunnews.com dengan judul Banjir Rendam Rumah, https://www.tribunnews.com/x
Penulis: Danang Triatmojo
Editor: Hasanudin Aco
"""

CNN = """\
Jakarta, CNN Indonesia -- Polda Metro Jaya menangkap pelaku penipuan investasi bodong di Jakarta.
Kerugian korban ditaksir mencapai Rp 50 miliar, kata Kabid Humas Polda Metro Jaya.

Promo Tiket Pesawat Murah Jelang Libur Natal dan Tahun Baru

Pelaku dijerat pasal penipuan dan pencucian uang oleh penyidik.
(dis/arh)
"""

VIVA_STYLE = """\
Pendiri perusahaan itu, Budi Hartono.
Sumber :
  • REUTERS/Nama Fotografer

VIVA.co.id – Menteri Perdagangan bertemu pendiri perusahaan teknologi di Singapura pekan ini.

Layanan Makin Prima, Pos Indonesia Lebarkan Sayap ke Ranah Global

"Kami membahas peluang investasi di Indonesia," ujar Menteri Perdagangan kepada wartawan.

Ilustrasi perdagangan digital.

Pemerintah menargetkan transaksi digital tumbuh 40 persen tahun ini.

img_title
VIVA.co.id
5 Mei 2021
"""

SYNDICATED = """\
"Kami akan terus mendorong ekspor produk UMKM ke pasar global," kata Kepala Biro Humas Noor Iza.
Pertemuan itu digelar secara tertutup di Beijing pada 14 Mei 2017.
Penasehat Lain
Pemerintah akan menggandeng beberapa penasehat internasional lainnya, kata dia.
"Pasti ada langkah ke depannya," pungkasnya. (Ramadhani Prihatini)
Berita ini sudah tayang di Kontan.co.id dengan judul "Darmin: Ekspor UMKM" pada Minggu (27/8/2017)
Share.
"""

CASES = {
    "detik": (
        DETIK, "",
        ["Menteri Keuangan Sri Mulyani Indrawati menyebut defisit anggaran masih aman.",
         '"Defisit kita masih di bawah tiga persen dari PDB," kata Sri Mulyani',
         "Menurutnya, pemerintah akan terus menjaga kesehatan fiskal sepanjang tahun ini."],
        ["Foto:", "ADVERTISEMENT", "SCROLL", "Baca juga", "Gambas", "(ang/hns)", "Jakarta -",
         "detikFinance", "14:35"],
        {"source": "detikcom", "date": "2019-06-12", "author": "Andi Saputra"},
    ),
    "kompas": (
        KOMPAS, "Jokowi Resmikan Tol Batang-Semarang",
        ["Presiden Joko Widodo meresmikan ruas tol Batang-Semarang sepanjang 75 km.",
         "Jokowi mengatakan, tol ini akan memangkas waktu tempuh secara signifikan.",
         "ujar Jokowi."],
        ["KOMPAS.com", "IHSANUDDIN", "Penulis", "Baca juga", "Telegram", "komentarmu",
         "Syarat", "Data dirimu", "Jokowi Resmikan Tol"],
        {"source": "Kompas.com", "date": "2018-12-20", "author": "Ihsanuddin"},
    ),
    "antara": (
        ANTARA, "BI pertahankan suku bunga",
        ["Bank Indonesia mempertahankan suku bunga acuan sebesar 6 persen.",
         "Keputusan itu diambil dalam Rapat Dewan Gubernur yang berlangsung selama dua hari.",
         "kata Perry di Jakarta, Kamis."],
        ["ANTARA", "Pewarta", "Editor", "COPYRIGHT", "Hafidz", "19:08"],
        {"source": "ANTARA", "date": "2015-10-20", "author": "Citro Atmoko"},
    ),
    "tempo": (
        TEMPO, "KPK Tetapkan Bupati Sebagai Tersangka",
        ["Komisi Pemberantasan Korupsi (KPK) menetapkan seorang bupati sebagai tersangka.",
         "Penyidik juga menyita uang tunai senilai Rp 1 miliar dari lokasi."],
        ["Reporter", "Editor", "TEMPO.CO", "Baca", "Mobil Mewah"],
        {"source": "Tempo.co", "date": "2019-09-05", "author": "Andita Rahma"},
    ),
    "liputan6": (
        LIPUTAN6, "Harga Emas Antam Naik",
        ["Harga emas batangan PT Aneka Tambang Tbk (Antam) naik Rp 5.000 per gram.",
         "Investor disarankan membeli emas untuk jangka panjang, kata analis."],
        ["Liputan6.com", "Simak", "Cara Beli Emas", "(Arthur Gideon)"],
        {"source": "Liputan6.com", "author": "Arthur Gideon"},
    ),
    "tribun": (
        TRIBUN, "Banjir Rendam Rumah",
        ["Banjir merendam ratusan rumah warga di Kecamatan Bekasi Timur sejak Sabtu.",
         "Warga mengungsi ke masjid terdekat sejak Sabtu malam, kata Lurah."],
        ["Laporan Wartawan", "TRIBUNNEWS", "(Tribunnews.com/Danang)", "telah tayang", "Penulis",
         "Editor"],
        {"source": "Tribunnews.com", "author": "Danang Triatmojo"},
    ),
    "cnn": (
        CNN, "Polisi Tangkap Pelaku Penipuan",
        ["Polda Metro Jaya menangkap pelaku penipuan investasi bodong di Jakarta.",
         "Pelaku dijerat pasal penipuan dan pencucian uang oleh penyidik."],
        ["CNN Indonesia --", "Promo Tiket", "(dis/arh)"],
        {"source": "CNN Indonesia"},
    ),
    "viva": (
        VIVA_STYLE, "Mendag Temui Pendiri Perusahaan",
        ["Menteri Perdagangan bertemu pendiri perusahaan teknologi di Singapura pekan ini.",
         '"Kami membahas peluang investasi di Indonesia," ujar Menteri Perdagangan',
         "Pemerintah menargetkan transaksi digital tumbuh 40 persen tahun ini."],
        ["Budi Hartono", "Sumber", "REUTERS", "VIVA.co.id", "Layanan Makin Prima", "Ilustrasi",
         "img_title", "5 Mei 2021"],
        {"source": "VIVA.co.id", "date": "2021-05-05"},
    ),
    "syndicated": (
        SYNDICATED, "",
        ['"Kami akan terus mendorong ekspor produk UMKM ke pasar global," kata Kepala Biro Humas',
         "Pertemuan itu digelar secara tertutup di Beijing pada 14 Mei 2017.",
         '"Pasti ada langkah ke depannya," pungkasnya.'],
        ["Penasehat Lain", "Ramadhani", "sudah tayang", "Share"],
        {"source": "Kontan.co.id", "date": "2017-08-27", "author": "Ramadhani Prihatini"},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_outlet_styles(name: str) -> None:
    text, title, keep, drop, meta = CASES[name]
    result = clean_text(text, title)
    for sentence in keep:
        assert sentence in result.text, f"{name}: lost story text {sentence!r}"
    for junk in drop:
        assert junk not in result.text, f"{name}: kept boilerplate {junk!r}"
    for key, value in meta.items():
        assert getattr(result, key) == value, f"{name}: {key}"
    assert "\n\n\n" not in result.text
    assert result.text == result.text.strip()
    assert all(reason for _, reason in result.dropped)


def test_paragraphs_are_separated_by_blank_lines() -> None:
    result = clean_text(TEMPO, "KPK Tetapkan Bupati Sebagai Tersangka")
    paragraphs = result.text.split("\n\n")
    assert len(paragraphs) == 3
    assert all("\n" not in p for p in paragraphs)


def test_repeated_title_line_and_prefix() -> None:
    title = "Harga Cabai Melonjak Jelang Lebaran"
    text = (f"{title}\nHarga Cabai Melonjak Jelang Lebaran Harga cabai rawit di pasar tradisional "
            "naik dua kali lipat menjelang Lebaran.\nPedagang mengeluhkan sepinya pembeli.")
    result = clean_text(text, title)
    assert result.text.startswith("Harga cabai rawit di pasar tradisional naik")
    assert "Pedagang mengeluhkan sepinya pembeli." in result.text
    assert [reason for _, reason in result.dropped] == ["repeated title", "repeated title"]


def test_dateline_without_separator_keeps_sentence() -> None:
    result = clean_text("Contohberita.com Beberapa waktu yang lalu, Presiden menghadiri KTT G-20 "
                        "di Hangzhou bersama sejumlah menteri.")
    assert result.text.startswith("Beberapa waktu yang lalu, Presiden menghadiri KTT G-20")
    assert result.source == "Contohberita.com"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("JAKARTA, KOMPAS.com - Harga minyak dunia naik tajam pada perdagangan hari ini.",
         "Kompas.com"),
        ("Jakarta (ANTARA) - Harga minyak dunia naik tajam pada perdagangan hari ini.", "ANTARA"),
        ("Metrotvnews.com, Jakarta: Harga minyak dunia naik tajam pada perdagangan hari ini.",
         "Metrotvnews.com"),
        ("REPUBLIKA.CO.ID, JAKARTA -- Harga minyak dunia naik tajam pada perdagangan hari ini.",
         "Republika.co.id"),
        ("Bisnis.com, JAKARTA — Harga minyak dunia naik tajam pada perdagangan hari ini.",
         "Bisnis.com"),
        ("KONTAN.CO.ID - JAKARTA. Harga minyak dunia naik tajam pada perdagangan hari ini.",
         "Kontan.co.id"),
        ("Jakarta, CNBC Indonesia - Harga minyak dunia naik tajam pada perdagangan hari ini.",
         "CNBC Indonesia"),
        ("Suara.com - Harga minyak dunia naik tajam pada perdagangan hari ini.", "Suara.com"),
        ("Jakarta - Harga minyak dunia naik tajam pada perdagangan hari ini.", ""),
    ],
)
def test_datelines(line: str, outlet: str) -> None:
    result = clean_text(line)
    assert result.text == "Harga minyak dunia naik tajam pada perdagangan hari ini."
    assert result.source == outlet


def test_sentences_that_look_like_boilerplate_are_kept() -> None:
    text = (
        "Jakarta - Pemerintah menaikkan anggaran pendidikan tahun depan secara signifikan.\n"
        "Oleh karena itu, sekolah diminta menyiapkan rencana belanja yang rinci dan terbuka.\n"
        "Sumber dana berasal dari pajak dan penerimaan negara bukan pajak, kata Menteri.\n"
        "Komentar itu disampaikan Menteri Keuangan di Gedung DPR, Jakarta.\n"
        "Foto-foto kegiatan itu beredar luas di media sosial sejak pagi.\n"
        "Berikut rinciannya:\n"
        "- pendidikan dasar\n"
        "- pendidikan tinggi\n"
        "Apa artinya bagi guru? Menurut Menteri, gaji guru honorer juga akan naik.\n"
    )
    result = clean_text(text, "Anggaran Pendidikan Naik")
    for line in text.splitlines()[1:]:
        assert line in result.text
    assert result.text.startswith("Pemerintah menaikkan anggaran")


def test_list_after_colon_is_kept() -> None:
    text = ("Jakarta - Pemerintah menetapkan lima destinasi super prioritas tahun ini, yaitu:\n"
            "Danau Toba\nBorobudur\nLabuan Bajo\n"
            "Kelima destinasi itu mendapat anggaran infrastruktur terbesar tahun ini.\n"
            "Baca juga:\nWisata Murah di Bandung\nKuliner Enak di Solo\n")
    result = clean_text(text)
    for item in ["Danau Toba", "Borobudur", "Labuan Bajo", "Kelima destinasi itu"]:
        assert item in result.text
    assert "Bandung" not in result.text and "Solo" not in result.text


def test_capitalised_subject_with_dash_is_not_a_dateline() -> None:
    text = "Pemerintah - melalui Kementerian Keuangan - menaikkan anggaran pendidikan tahun depan."
    assert clean_text(text).text == text


def test_short_first_paragraph_is_kept() -> None:
    result = clean_text("Harga cabai melonjak.\nPedagang di Pasar Minggu menyebut harga cabai "
                        "rawit naik dua kali lipat dalam sepekan.")
    assert result.text.startswith("Harga cabai melonjak.")


def test_inserted_headlines_never_reach_the_text() -> None:
    body = [
        "Presiden meresmikan bendungan baru di Jawa Tengah pada Senin pagi bersama menteri.",
        "Bendungan itu mampu mengairi ribuan hektare sawah di tiga kabupaten sekitarnya.",
        "Bendungan tersebut juga diharapkan mengurangi risiko banjir saat musim hujan.",
    ]
    headlines = ["Promo Bunga 0 Persen Saat 11.11, Transaksi Akulaku Naik 20 Persen",
                 "Airlangga 'Pede' RI Kuasai Pasar E-Commerce ASEAN pada 2025",
                 "Mengapa Harga Beras Terus Naik?"]
    text = "\n\n".join([body[0], headlines[0], body[1], headlines[1], headlines[2], body[2]])
    result = clean_text(text)
    assert result.text == "\n\n".join(body)


def test_footer_cuts_the_rest_only_near_the_end() -> None:
    story = ["Kalimat berita nomor satu yang cukup panjang untuk menjadi paragraf.",
             "Kalimat berita nomor dua yang juga cukup panjang untuk menjadi paragraf."]
    text = "\n".join([*story, "Ikuti kami di Google News", "Data kamu aman bersama kami selalu."])
    result = clean_text(text)
    assert result.text == "\n\n".join(story)
    # A footer-looking line early in a long article does not take the story with it.
    long_story = [f"Paragraf berita ke-{i} berisi kalimat yang cukup panjang dan lengkap."
                  for i in range(10)]
    text = "\n".join([long_story[0], "Share:", *long_story[1:]])
    assert clean_text(text).text == "\n\n".join(long_story)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("Pemerintah resmi menaikkan harga bahan bakar minyak bersubsidi mulai\n"
            "hari ini. Harga Pertalite naik dari Rp 7.650 menjadi Rp 10.000 per\n"
            "liter, sedangkan Solar naik menjadi Rp 6.800 per liter.\n\n"
            "Presiden mengatakan keputusan itu diambil karena anggaran subsidi\n"
            "terus membengkak dan sebagian besar subsidi justru dinikmati oleh\n"
            "kelompok mampu.\n")
    paragraphs = clean_text(text).text.split("\n\n")
    assert len(paragraphs) == 2
    assert "per liter, sedangkan Solar" in paragraphs[0]


def test_clean_document_fills_missing_metadata_only() -> None:
    doc = Document(id=content_id(KOMPAS), path="a.txt", text=KOMPAS, title="Judul",
                   source="Sumber Saya", date=None)
    cleaned = clean_document(doc)
    assert cleaned.source == "Sumber Saya"  # given metadata wins
    assert cleaned.date == "2018-12-20"
    assert cleaned.author == "Ihsanuddin"
    assert cleaned.meta["editor"] == "Sabrina Asril"
    assert ("Penulis Ihsanuddin | Editor Sabrina Asril", "byline") in cleaned.meta["dropped"]
    assert cleaned.id == doc.id and cleaned.path == doc.path


def test_title_found_when_missing() -> None:
    text = ("Gempa Guncang Cianjur\nCianjur, Kompas - Gempa bermagnitudo 5,6 mengguncang Cianjur, "
            "Jawa Barat, Senin (21/11/2022).")
    result = clean_text(text)
    assert result.title == "Gempa Guncang Cianjur"
    assert result.date == "2022-11-21"


def test_format_cleaned() -> None:
    doc = clean_document(Document(id="x", path="a.txt", text=TEMPO, title="KPK"))
    out = format_cleaned(doc)
    assert out.startswith("Title: KPK\nSource: Tempo.co\nDate: 2019-09-05\nAuthor: Andita Rahma\n")
    assert "\n\nKomisi Pemberantasan Korupsi" in out
    assert "--- dropped ---" not in out
    shown = format_cleaned(doc, show_dropped=True)
    assert "- [byline] Reporter: Andita Rahma" in shown


def test_canonical_outlet() -> None:
    assert canonical_outlet("KOMPAS.com") == "Kompas.com"
    assert canonical_outlet("money.kompas.com") == "Kompas.com"
    assert canonical_outlet("NUSANTARAPOST.COM") == "Nusantarapost.com"
    assert canonical_outlet("Contoh.id") == "Contoh.id"


def test_empty_and_whitespace() -> None:
    assert clean_text("").text == ""
    assert clean_text("\n \n\t\n").text == ""


def _is_subsequence(small: str, big: str) -> bool:
    """True when the non-space characters of ``small`` appear in ``big`` in the same order."""
    rest = iter("".join(big.split()))
    return all(ch in rest for ch in "".join(small.split()))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_never_raises_never_adds_text(text: str) -> None:
    doc = Document(id="x", path="p", text=text, title=text[:20])
    cleaned = clean_document(doc)
    assert _is_subsequence(cleaned.text, text)


_PIECES = st.sampled_from([
    "Baca juga: Judul Lain", "JAKARTA, KOMPAS.com - ", "(ant)", "Foto: Istimewa", "\n", "\n\n",
    "Presiden meresmikan jalan tol baru di Jawa Barat pada Senin pagi.", "Share.", "(",
    ")", "Selasa, 20 Oct 2015 19:08 WIB", "Penulis: Budi Santoso", "•", "Sumber :", " ",
    "\"Kami siap,\" ujar Menteri.", "ADVERTISEMENT", "Dapatkan update berita", "VIVA.co.id – ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_never_adds_text_on_news_like_input(text: str) -> None:
    result = clean_text(text, "Judul")
    assert _is_subsequence(result.text, text)
    for line in result.text.split("\n\n") if result.text else []:
        assert line and line == line.strip()


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no seeds folder")
def test_seeds_end_to_end() -> None:
    from graph.ingest import read_documents

    docs = [clean_document(d) for d in read_documents([SEEDS], strict=True)]
    assert len(docs) == 5
    text = "\n".join(d.text for d in docs)
    for junk in ["(MTVN/DANU)", "REUTERS/", "www.reuters.com", "img_title", "(ABE)", "Share.",
                 "Baca:", "Telegram", "#JernihBerkomentar", "Data dirimu", "• ", "WIB\n",
                 "Sumber :", "sudah tayang", "(Ramadhani Prihatini)"]:
        assert junk not in text, junk
    for sentence in ['"Siapa tahu nanti bisa terjadi poros Jakarta-Silicon Valley,"',
                     "Ma diketahui memiliki bisnis di Indonesia setelah membeli Lazada",
                     "Jokowi bertemu dengan Pendiri dan Chief Executive Officer (CEO) Alibaba",
                     '"Pasti ada langkah ke depannya, namun saya belum tahu bagaimana jelasnya,"']:
        assert sentence in text, sentence
    for doc in docs:
        assert doc.source and doc.date
        assert not doc.text.startswith(("Metrotvnews", "VIVA", "Nusantarapost"))
