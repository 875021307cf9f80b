"""A reproducible synthetic corpus of Indonesian news articles, for Jalin's scale benchmarks.

    python bench/make_corpus.py N OUT [--seed 0] [--words 400] [--format txt|jsonl] [--per-file K]

writes ``N`` articles into the folder ``OUT`` (which must be empty or missing):

``--format txt`` (default)
    one file per article, ``OUT/0000/0000000.txt``, ``K`` files per sub-folder (``--per-file``,
    default 1000). Each file is what a scraper would save and ``jalin build`` reads: the title on
    the first line, a date line (``Senin, 3 Mei 2021 10:15 WIB``), then the story, its first
    paragraph opening with a dateline (``JAKARTA, Wartalintas.com - ``) from which Jalin's
    cleaner takes the outlet; now and then a "Baca juga: ..." line and editor initials at the end.
``--format jsonl``
    ``K`` articles per file (default 1000), ``OUT/articles_00000.jsonl``, one JSON object a line
    with ``id``, ``title``, ``date`` (ISO), ``source`` and ``text`` (the same story text).

Nothing is copied from real articles: titles and sentences come from templates written for this
file, filled with entities from a few thousand invented names (people made of given names and
surnames combined from syllables, companies ``PT <A> <B> [Tbk]``, banks, universities, agencies
with abbreviations defined on first mention, associations, think tanks, start-ups, ministries and
regional offices with invented holders) drawn with Zipf-like frequencies, and lower-case topical
noun phrases ("harga pangan", "transaksi digital") for concept extraction. Each article has one of
thirteen topics; its cast is drawn mostly from that topic, so the graph has communities.

Deterministic: article ``i`` depends only on ``(seed, i, words)``, so the same arguments give
byte-identical files, and a corpus of 1,000 articles is the start of the one of 10,000. The
texts are varied enough that Jalin's near-duplicate filter (word 4-gram Jaccard >= 0.6) keeps
every article.

Library use::

    from make_corpus import generate_articles, write_corpus
    for article in generate_articles(3, seed=0, words=400):
        print(article["id"], article["title"])
    write_corpus(1000, "corpus/", seed=0)
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["EntityPool", "Org", "Person", "article_to_txt", "entity_pool", "extra_sentence",
           "generate_articles", "write_corpus"]

# ----------------------------------------------------------------------------- word lists

GIVEN_NAMES = (
    "Adi Agus Andi Anisa Arif Ayu Bambang Bayu Budi Cahya Citra Dedi Dewi Dian Dimas Eko Endah "
    "Fajar Fitri Galih Gilang Hendra Ilham Indah Irfan Januar Kartika Kurnia Laras Lestari Lukman "
    "Maya Nadia Nanda Oktavia Pandu Putri Rahmat Ratna Reza Rina Rizki Sari Satria Siti Taufik "
    "Teguh Tri Utami Wahyu Wulan Yanti Yusuf Zainal Ahmad Anton Bagus Dodi Fauzi Gita Hana Intan "
    "Johan Krisna Melati Nurul Rudi Sinta Yogi Aditya Bima Dinda Elsa Farhan Hasan Imam Kevin "
    "Lina Mega Novi Prasetyo Raden Sekar Tommy Umar Vivi Wisnu Yosef Zahra").split()
GIVEN_ONSETS = "Su Har Wi Pra Dar Sur Kus Yu Hen Mar Nur Ri Se Ti Wa Ar Ha Li Me Pur Ros Sla Bu Ga"
GIVEN_CODAS = "yanto wati dono ningsih santo wan sih man yono sari rini ndra tini mini dianto"
SURNAME_HEADS = ("Wira Adi Sura Hadi Kusuma Nugra Wibi Setia Darma Cahya Mulya Tanu Jaya Laksa "
                 "Guna Praja Sasmita Wangsa Arya Danu Kerta Mangku Sastra Puspa Yudha Candra Dirga "
                 "Indra Karta Sigit")
SURNAME_TAILS = ("wan atmaja diredja kusuma sasmita wijaya nata harja putra ningrat negara saputra "
                 "winata sudarma prawira sena pradana hadi kesuma laksana")
CLAN_NAMES = ("Siregar Nasution Lubis Harahap Tambunan Manurung Hutapea Pohan Wenas Rumagit "
              "Pattinama Sembiring Ginting Tarigan Sitanggang Latupeirissa Mandagi Rompas").split()

COMPANY_WORDS = ("Cakra Mandala Sinar Buana Graha Tirta Karya Nusa Bumi Surya Mitra Persada Abadi "
                 "Lestari Sentosa Prima Makmur Samudra Arta Gemilang Citra Rajawali Kencana Mulia "
                 "Pertiwi Wahana Dharma Harapan Cemerlang Bintang").split()
BANK_WORDS = ("Artha Nusa Buana Sejahtera Mitra Niaga Karya Persada Pratama Sentosa Makmur Bumi "
              "Amanah Daya Tunas").split()
UNI_HEADS = "Bina Widya Cendana Tunas Mandala Pelita Dharma Kartika Gema Nusa Tiara Lentera".split()
UNI_TAILS = "Lestari Raya Bangsa Utama Nusantara Mulia Persada Jaya Cendekia Pertiwi".split()
STARTUP_HEADS = ("Lapak Dompet Kirim Tani Pasar Warung Belanja Kasir Ojek Sewa Gudang Kopi Resep "
                 "Sehat Belajar Tiket Laut Kebun Tukang").split()
STARTUP_TAILS = "ku in Kita Nusa Pay Go Mart Hub Link Aja".split()
THINK_TANK_FIELDS = ("Ekonomi", "Kebijakan Publik", "Pembangunan", "Strategi Fiskal",
                     "Ekonomi Regional", "Tata Kelola", "Ekonomi Kerakyatan")
THINK_TANK_TAILS = ("Nusantara", "Indonesia", "Terapan", "Madani", "Khatulistiwa")
AGENCY_HEADS = ("Pengawas", "Pengelola", "Pengembangan", "Perencanaan", "Penjaminan",
                "Koordinasi")
PROVINCES = ("Jawa Barat", "Jawa Tengah", "Jawa Timur", "Sumatera Utara", "Sumatera Barat",
             "Sulawesi Selatan", "Kalimantan Timur", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
             "Bali", "Riau", "Papua", "Maluku", "Banten", "Lampung", "Aceh", "Sulawesi Utara",
             "Kalimantan Barat", "Jambi", "Bengkulu")
CITIES = ("Jakarta", "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Palembang",
          "Denpasar", "Yogyakarta", "Balikpapan", "Pontianak", "Manado", "Padang", "Pekanbaru",
          "Malang", "Solo", "Batam", "Kupang", "Jayapura", "Ambon", "Mataram", "Banjarmasin",
          "Samarinda", "Jambi", "Bengkulu", "Bandar Lampung", "Serang", "Cirebon", "Tegal",
          "Kendari", "Palu", "Ternate", "Sorong", "Tasikmalaya", "Bogor", "Bekasi", "Tangerang")
REGENCY_HEADS = "Tanjung Sungai Bukit Muara Teluk Pulau Lembah Rawa Gunung Padang".split()
REGENCY_TAILS = "Sari Mas Raya Baru Jaya Indah Hijau Panjang Merah Luhur Kencana".split()
OUTLETS = ("Wartalintas.com", "Kabarnusa.co.id", "Harianpelita.id", "Suarabahari.com",
           "Lintasekonomi.co.id", "Gemawarta.com", "Nadipos.id", "Kanalnegeri.com")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI")
SAY = ("kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tegas", "imbuh")
SAY_SUFFIXED = ("katanya", "ujarnya", "ucapnya", "tuturnya", "jelasnya", "imbuhnya", "tambahnya")
GENERIC_CONCEPTS = ("daya beli masyarakat", "pertumbuhan ekonomi", "anggaran daerah",
                    "kepastian hukum", "iklim investasi", "pemulihan ekonomi", "belanja negara",
                    "pelayanan publik", "kesenjangan wilayah", "partisipasi masyarakat")


@dataclass(frozen=True)
class Topic:
    """A news beat: its concepts (lower-case), offices, agency fields and company flavours."""

    key: str
    title: str
    ministry: str
    concepts: tuple[str, ...]
    fields: tuple[str, ...]
    flavours: tuple[str, ...]
    members: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic("digital", "Ekonomi Digital", "Komunikasi dan Digital",
          ("transaksi digital", "ekonomi digital", "pembayaran nontunai", "perdagangan elektronik",
           "keamanan data pribadi", "literasi digital", "dompet digital", "pajak digital",
           "jaringan internet desa", "pusat data nasional", "talenta digital",
           "layanan pinjaman daring"),
          ("Ekonomi Digital", "Infrastruktur Informatika", "Perlindungan Data"),
          ("Teknologi", "Digital", "Data", "Informatika"),
          ("Pelaku Usaha Digital", "Penyedia Jasa Internet", "Pedagang Daring")),
    Topic("pangan", "Ketahanan Pangan", "Pertanian",
          ("harga pangan", "stok beras", "cadangan pangan", "harga cabai", "pupuk bersubsidi",
           "rantai pasok pangan", "inflasi pangan", "lahan pertanian", "jaringan irigasi",
           "petani padi", "operasi pasar", "produksi jagung"),
          ("Cadangan Pangan", "Tanaman Pangan", "Distribusi Pangan"),
          ("Agro", "Pangan", "Tani"),
          ("Petani Padi", "Pedagang Beras", "Produsen Pupuk")),
    Topic("energi", "Transisi Energi", "Energi dan Sumber Daya Mineral",
          ("energi terbarukan", "pembangkit listrik tenaga surya", "subsidi energi",
           "harga bahan bakar", "transisi energi", "emisi karbon", "kendaraan listrik",
           "tarif listrik", "jaringan transmisi", "bauran energi", "elpiji bersubsidi",
           "efisiensi energi"),
          ("Energi Terbarukan", "Ketenagalistrikan", "Konservasi Energi"),
          ("Energi", "Daya", "Power"),
          ("Pengembang Listrik Surya", "Pengusaha Migas", "Kendaraan Listrik")),
    Topic("transportasi", "Transportasi", "Perhubungan",
          ("transportasi publik", "angkutan umum", "jalur kereta", "tarif ojek daring",
           "kemacetan lalu lintas", "pelabuhan peti kemas", "biaya logistik", "angkutan mudik",
           "keselamatan penerbangan", "bus listrik", "jalur sepeda", "kapal perintis"),
          ("Perhubungan Darat", "Perkeretaapian", "Perhubungan Laut"),
          ("Transportasi", "Logistik", "Lintas"),
          ("Pengusaha Angkutan", "Pengemudi Daring", "Perusahaan Pelayaran")),
    Topic("kesehatan", "Layanan Kesehatan", "Kesehatan",
          ("layanan kesehatan", "jaminan kesehatan", "tenaga kesehatan", "obat generik",
           "angka stunting", "gizi anak", "layanan puskesmas", "cakupan imunisasi",
           "rumah sakit daerah", "alat kesehatan", "kesehatan ibu", "antrean pasien"),
          ("Layanan Kesehatan", "Kefarmasian", "Kesehatan Masyarakat"),
          ("Medika", "Farma", "Husada"),
          ("Rumah Sakit Swasta", "Perawat", "Apoteker")),
    Topic("pendidikan", "Pendidikan", "Pendidikan dan Kebudayaan",
          ("kurikulum baru", "beasiswa mahasiswa", "guru honorer", "sekolah vokasi",
           "biaya kuliah", "mutu pendidikan", "pelatihan guru", "sekolah rusak",
           "pembelajaran jarak jauh", "literasi siswa", "penerimaan siswa baru", "dana sekolah"),
          ("Pendidikan Dasar", "Pendidikan Vokasi", "Mutu Pendidikan"),
          ("Edukasi", "Cendekia", "Aksara"),
          ("Guru Swasta", "Sekolah Swasta", "Perguruan Tinggi Swasta")),
    Topic("keuangan", "Keuangan", "Keuangan",
          ("suku bunga acuan", "kredit usaha rakyat", "penyaluran kredit", "nilai tukar rupiah",
           "pasar modal", "obligasi daerah", "inklusi keuangan", "penerimaan pajak",
           "defisit anggaran", "dana pihak ketiga", "kredit macet", "asuransi mikro"),
          ("Stabilitas Keuangan", "Penjaminan Kredit", "Pembiayaan Daerah"),
          ("Finansial", "Capital", "Investama"),
          ("Emiten", "Perusahaan Pembiayaan", "Bank Daerah")),
    Topic("infrastruktur", "Infrastruktur", "Pekerjaan Umum dan Perumahan",
          ("jalan tol", "proyek strategis nasional", "pembebasan lahan", "pembangunan bendungan",
           "anggaran infrastruktur", "perumahan rakyat", "air bersih", "jembatan gantung",
           "sanitasi layak", "kawasan industri", "rumah subsidi", "jalan desa"),
          ("Jalan Nasional", "Sumber Daya Air", "Perumahan Rakyat"),
          ("Konstruksi", "Beton", "Bangun"),
          ("Kontraktor", "Pengembang Perumahan", "Konsultan Konstruksi")),
    Topic("pariwisata", "Pariwisata", "Pariwisata dan Ekonomi Kreatif",
          ("kunjungan wisatawan", "desa wisata", "okupansi hotel", "ekonomi kreatif",
           "penerbangan langsung", "wisata bahari", "paket wisata", "kuliner daerah",
           "destinasi super prioritas", "pemandu wisata", "kerajinan tangan", "wisatawan asing"),
          ("Destinasi Wisata", "Ekonomi Kreatif", "Pemasaran Pariwisata"),
          ("Wisata", "Tour", "Resort"),
          ("Pengusaha Hotel", "Agen Perjalanan", "Pelaku Ekonomi Kreatif")),
    Topic("perikanan", "Kelautan dan Perikanan", "Kelautan dan Perikanan",
          ("nelayan kecil", "hasil tangkapan", "budidaya udang", "ekspor perikanan",
           "kawasan konservasi laut", "penangkapan ikan ilegal", "harga ikan", "kapal nelayan",
           "garam rakyat", "rumput laut", "solar nelayan", "cold storage"),
          ("Sumber Daya Laut", "Perikanan Tangkap", "Perikanan Budidaya"),
          ("Bahari", "Marina", "Samudera"),
          ("Nelayan Tradisional", "Pembudidaya Udang", "Eksportir Ikan")),
    Topic("tambang", "Pertambangan", "Investasi",
          ("hilirisasi nikel", "pembangunan smelter", "royalti tambang", "izin usaha pertambangan",
           "reklamasi lahan bekas tambang", "ekspor batu bara", "tambang ilegal",
           "cadangan mineral", "harga komoditas", "bagi hasil tambang", "nilai tambah mineral",
           "investasi asing"),
          ("Mineral Strategis", "Hilirisasi Industri", "Penanaman Modal"),
          ("Mineral", "Tambang", "Resources"),
          ("Pertambangan Nikel", "Pengusaha Batu Bara", "Industri Smelter")),
    Topic("lingkungan", "Lingkungan", "Lingkungan Hidup dan Kehutanan",
          ("sampah plastik", "kebakaran hutan", "banjir rob", "pengelolaan sampah",
           "kualitas udara", "deforestasi", "perhutanan sosial", "daur ulang",
           "perubahan iklim", "hutan mangrove", "limbah industri", "krisis air"),
          ("Kualitas Lingkungan", "Pengendalian Iklim", "Kehutanan"),
          ("Hijau", "Eco", "Lestari"),
          ("Pengusaha Daur Ulang", "Pengelola Hutan", "Pegiat Lingkungan")),
    Topic("tenaga_kerja", "Ketenagakerjaan", "Ketenagakerjaan",
          ("upah minimum", "pekerja kontrak", "pemutusan hubungan kerja", "lapangan kerja",
           "pekerja migran", "jaminan sosial pekerja", "pelatihan kerja", "angka pengangguran",
           "pekerja informal", "balai latihan kerja", "kesejahteraan buruh", "magang industri"),
          ("Pelatihan Kerja", "Hubungan Industrial", "Penempatan Tenaga Kerja"),
          ("Karya", "Sumber Daya", "Manpower"),
          ("Pengusaha Padat Karya", "Serikat Pekerja", "Penyalur Tenaga Kerja")),
)
TOPIC_WEIGHTS = (14, 12, 10, 9, 8, 7, 10, 8, 6, 5, 5, 4, 5)
EVENT_KINDS = ("Forum", "Festival", "Pameran", "Pekan", "Konferensi", "Rapat Koordinasi")


# ----------------------------------------------------------------------------- entity pool


@dataclass(frozen=True)
class Org:
    """An organisation: display ``name``, optional abbreviation, a shorter title form."""

    name: str
    kind: str
    topic: str | None
    abbr: str = ""
    short: str = ""

    def headline(self) -> str:
        """How a headline names it: the abbreviation, or the name without ``PT``/``Tbk``."""
        return self.abbr or self.short or self.name


@dataclass(frozen=True)
class Person:
    """An invented person with a fixed office (``title``) at an organisation (``org``)."""

    name: str
    given: str
    surname: str
    title: str
    org: int
    topic: str | None


@dataclass
class EntityPool:
    """Every name the generator may use, with per-topic indexes (in Zipf rank order)."""

    persons: list[Person] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    persons_by_topic: dict[str, list[int]] = field(default_factory=dict)
    orgs_by_topic: dict[str, list[int]] = field(default_factory=dict)

    @property
    def person_names(self) -> set[str]:
        """Full names of all persons."""
        return {p.name for p in self.persons}

    @property
    def org_names(self) -> set[str]:
        """Names and abbreviations of all organisations."""
        return {o.name for o in self.orgs} | {o.abbr for o in self.orgs if o.abbr}


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _given_pool() -> list[str]:
    names = list(GIVEN_NAMES)
    for onset in GIVEN_ONSETS.split():
        for coda in GIVEN_CODAS.split():
            name = onset + coda
            if not re.search(r"[^aeiou]{3}", name.lower()):
                names.append(name)
    return sorted(set(names))


def _surname_pool() -> list[str]:
    names = list(CLAN_NAMES)
    for head in SURNAME_HEADS.split():
        for tail in SURNAME_TAILS.split():
            if head.lower() != tail and not head.lower().endswith(tail):
                names.append(head + tail)
    return sorted(set(names))


def _build_orgs(rng: random.Random) -> list[Org]:
    orgs: list[Org] = []
    abbrs: set[str] = set()

    def add(name: str, kind: str, topic: str | None, *, abbr: bool = False,
            short: str = "") -> None:
        if any(o.name == name for o in orgs):
            return
        code = _acronym(name) if abbr else ""
        if code and (code in abbrs or len(code) < 3):
            code = ""
        abbrs.add(code)
        orgs.append(Org(name, kind, topic, code, short))

    for topic in TOPICS:
        add(f"Kementerian {topic.ministry}", "ministry", topic.key)
        for head in rng.sample(AGENCY_HEADS, 2):
            add(f"Badan {head} {rng.choice(topic.fields)} Nasional", "agency", topic.key, abbr=True)
        for member in topic.members:
            add(f"Asosiasi {member} Indonesia", "association", topic.key, abbr=True)
        for _ in range(22):
            a, b = rng.sample(COMPANY_WORDS, 2)
            second = rng.choice(topic.flavours) if rng.random() < 0.35 else b
            base = f"{a} {second}"
            tbk = rng.random() < 0.3
            add(f"PT {base}{' Tbk' if tbk else ''}", "company", topic.key, short=base)
        if topic.key in ("digital", "transportasi", "keuangan", "pangan", "kesehatan",
                         "pendidikan", "pariwisata"):
            for _ in range(5):
                add(rng.choice(STARTUP_HEADS) + rng.choice(STARTUP_TAILS), "startup", topic.key)
    for a in BANK_WORDS:
        for b in rng.sample(BANK_WORDS, 2):
            if a != b and rng.random() < 0.6:
                add(f"Bank {a} {b}", "bank", "keuangan" if rng.random() < 0.6 else None)
    for a in UNI_HEADS:
        for b in rng.sample(UNI_TAILS, 3):
            add(f"Universitas {a} {b}", "university", None)
    for f in THINK_TANK_FIELDS:
        for t in rng.sample(THINK_TANK_TAILS, 2):
            add(f"Lembaga Kajian {f} {t}", "thinktank", None, abbr=True)
    for prov in PROVINCES:
        add(f"Pemerintah Provinsi {prov}", "province", None)
    add("Dewan Perwakilan Rakyat", "parliament", None, abbr=True)
    return orgs


def _office(rng: random.Random, org: Org, topic: Topic | None, first: bool,
            index: int) -> str:
    """A person's office at ``org``; ``first``: the first person given to this org."""
    field_name = rng.choice(topic.fields) if topic else "Ekonomi"
    short = org.name
    if org.kind == "ministry":
        if first:
            return "Menteri " + org.name.removeprefix("Kementerian ")
        return rng.choice([f"Direktur Jenderal {field_name} {short}",
                           f"Sekretaris Jenderal {short}", f"Staf Ahli {short}",
                           f"Kepala Biro Humas {short}", f"Direktur {field_name} {short}"])
    if org.kind == "agency":
        return f"Kepala {short}" if first else f"Deputi Bidang {field_name} {short}"
    if org.kind == "association":
        return f"Ketua Umum {short}" if first else rng.choice(
            [f"Sekretaris Jenderal {short}", f"Wakil Ketua {short}", f"Ketua Harian {short}"])
    if org.kind == "company":
        return "Direktur Utama " + short if first else rng.choice(
            [f"Direktur Keuangan {short}", f"Direktur Operasional {short}",
             f"Komisaris Utama {short}", f"Presiden Direktur {short}",
             f"Sekretaris Perusahaan {short}"])
    if org.kind == "startup":
        return f"CEO {short}" if first else rng.choice(
            [f"pendiri {short}", f"Chief Operating Officer {short}", f"Vice President {short}"])
    if org.kind == "bank":
        return f"Direktur Utama {short}" if first else rng.choice(
            [f"Kepala Ekonom {short}", f"Direktur Bisnis {short}", f"ekonom {short}"])
    if org.kind == "university":
        return f"Rektor {short}" if first else rng.choice(
            [f"ekonom {short}", f"pengamat kebijakan publik dari {short}",
             f"Guru Besar Ilmu {field_name} {short}", f"dosen {short}",
             f"peneliti {short}"])
    if org.kind == "thinktank":
        return f"Direktur Eksekutif {short}" if first else rng.choice(
            [f"peneliti {short}", f"ekonom senior {short}", f"analis {short}"])
    if org.kind == "province":
        prov = short.removeprefix("Pemerintah Provinsi ")
        return f"Gubernur {prov}" if first else rng.choice(
            [f"Wakil Gubernur {prov}", f"Sekretaris Daerah {prov}",
             f"Kepala Dinas {field_name} {prov}"])
    if org.kind == "parliament":
        commission = ROMAN[index % len(ROMAN)]
        return rng.choice([f"anggota Komisi {commission} DPR", f"Ketua Komisi {commission} DPR",
                           f"Wakil Ketua Komisi {commission} DPR"])
    return "juru bicara " + short


@functools.lru_cache(maxsize=8)
def entity_pool(seed: int = 0, persons: int = 2400) -> EntityPool:
    """The invented names (fixed) and their Zipf rank order (shuffled by ``seed``)."""
    rng = random.Random("jalin-bench-entities")
    orgs = _build_orgs(rng)
    topics = {t.key: t for t in TOPICS}
    given = _given_pool()
    surnames = _surname_pool()
    seen: set[tuple[str, str]] = set()
    offices_taken: set[int] = set()
    people: list[Person] = []
    org_weights = [6 if o.kind in ("company", "university", "bank") else
                   2 if o.kind in ("ministry", "parliament") else 3 for o in orgs]
    while len(people) < persons:
        first_name, surname = rng.choice(given), rng.choice(surnames)
        if (first_name, surname) in seen or first_name == surname:
            continue
        seen.add((first_name, surname))
        name = f"{first_name} {surname}"
        if rng.random() < 0.12:
            middle = rng.choice(given)
            if middle != first_name:
                name = f"{first_name} {middle} {surname}"
        org_index = rng.choices(range(len(orgs)), weights=org_weights)[0]
        org = orgs[org_index]
        first = org_index not in offices_taken
        offices_taken.add(org_index)
        topic = topics.get(org.topic or "")
        if topic is None and org.kind in ("parliament", "university", "thinktank", "bank",
                                          "province") and rng.random() < 0.6:
            topic = rng.choice(TOPICS)  # an expert or politician of one beat
        title = _office(rng, org, topic, first, len(people))
        people.append(Person(name, first_name, surname, title, org_index,
                             topic.key if topic else None))
    places = list(CITIES) + list(PROVINCES) + [
        f"Kabupaten {a} {b}" for a in REGENCY_HEADS for b in REGENCY_TAILS][::3]
    order = random.Random(f"jalin-bench-rank/{seed}")
    person_rank = list(range(len(people)))
    order.shuffle(person_rank)
    org_rank = list(range(len(orgs)))
    order.shuffle(org_rank)
    pool = EntityPool(people, orgs, places)
    for t in TOPICS:
        pool.persons_by_topic[t.key] = [i for i in person_rank if people[i].topic == t.key]
        pool.orgs_by_topic[t.key] = [i for i in org_rank if orgs[i].topic == t.key]
    pool.persons_by_topic[""] = [i for i in person_rank if people[i].topic is None]
    pool.orgs_by_topic[""] = [i for i in org_rank if orgs[i].topic is None]
    return pool


@functools.lru_cache(maxsize=64)
def _zipf_cum(n: int, exponent: float = 1.0) -> tuple[float, ...]:
    total = 0.0
    cum = []
    for rank in range(1, n + 1):
        total += 1.0 / rank ** exponent
        cum.append(total)
    return tuple(cum)


def _zipf_pick(rng: random.Random, items: Sequence[int], exponent: float = 1.0) -> int:
    return rng.choices(items, cum_weights=_zipf_cum(len(items), exponent))[0]


# ----------------------------------------------------------------------------- templates

LEADS = (
    "{O} menyiapkan anggaran {RP} untuk memperkuat {C} di {LM} dan sekitarnya pada {YEAR}.",
    "{PA} menyebut {C} di {LM} tumbuh {PCT} persen sepanjang semester pertama {YEAR}.",
    "Pemerintah melalui {O} akan mempercepat {C} setelah {C2} di sejumlah daerah dinilai belum "
    "merata.",
    "{P} meminta {O} segera membenahi {C} yang dikeluhkan warga {LM} dalam beberapa bulan "
    "terakhir.",
    "Rencana {O} memperluas {C} ke {N} kabupaten mendapat sorotan dari kalangan pelaku usaha.",
    "{O} dan {O2} menandatangani nota kesepahaman tentang {C} di {LM}, {DAY}.",
    "Sebanyak {N} pelaku usaha di {LM} mengikuti sosialisasi {C} yang digelar {O} pada {DAY}.",
    "{EV} yang berlangsung di {LM} membahas {C} dan {C2} sebagai agenda utama.",
    "Kenaikan {C} kembali menjadi perhatian {O} menjelang akhir tahun {YEAR}.",
    "{PA} memastikan program {C} tetap berjalan meskipun anggaran {YEAR} dipangkas {PCT} persen.",
    "Persoalan {C} di {LM} mendorong {O} menggelar rapat terbatas bersama {O2}, {DAY}.",
    "{P} mengumumkan target baru {C} dalam {EV} di {LM}, {DAY}.",
)
NARRATIVE = (
    "{O} mencatat nilai {C} mencapai {RP} pada kuartal {QR} {YEAR}, naik {PCT} persen "
    "dibandingkan periode yang sama tahun sebelumnya.",
    "Angka tersebut masih di bawah target {O} sebesar {RP}.",
    "Sepanjang {YEAR}, {O} telah menyalurkan bantuan {C} kepada {N} penerima di {L}.",
    "{P} menilai persoalan {C} tidak bisa dilepaskan dari {C2}.",
    "Ia menambahkan, koordinasi dengan {O2} akan diperkuat agar {C} tidak tersendat.",
    "Dalam rapat kerja dengan {O2}, {P} memaparkan capaian {C} di {N} provinsi.",
    "{O} juga berencana menggandeng {O2} untuk mengembangkan {C} di wilayah timur Indonesia.",
    "Di {L}, manfaat {C} mulai dirasakan warga sejak awal {YEAR}.",
    "Sebelumnya, {P} mengungkapkan bahwa {C} menjadi salah satu prioritas {O} tahun ini.",
    "Kebijakan itu diharapkan mampu menekan {C} yang sempat melonjak pada {MONTH} lalu.",
    "Data {O} menunjukkan {N} dari {N2} daerah belum memiliki rencana {C} yang memadai.",
    "Hingga {MONTH} {YEAR}, realisasi {C} baru mencapai {PCT} persen dari target.",
    "Pelaku usaha di {L} berharap {C} tidak menambah beban biaya operasional mereka.",
    "Sejumlah warga {L} mengaku belum merasakan dampak {C} secara langsung.",
    "Adapun {C} dinilai penting untuk menjaga {C2} dalam jangka panjang.",
    "Untuk mendukung langkah tersebut, {O} mengalokasikan dana sebesar {RP}.",
    "{O} menyebut penyebab utama lambatnya {C} adalah keterbatasan {C2} di daerah.",
    "Pada tahap awal, program {C} akan diuji coba di {L} dan {L2}.",
    "Langkah serupa sebelumnya telah diterapkan di {L2} dengan hasil yang cukup baik.",
    "{P} bersama {Q} meninjau langsung pelaksanaan {C} di {L}, {DAY}.",
    "Pertemuan {P} dengan {Q} di {L} juga membahas {C} dan rencana kerja sama tahun {YEAR}.",
    "Usulan tersebut disampaikan {Q} dalam diskusi bersama {O2} di {L}.",
    "Anggaran {C} tahun {YEAR} tercatat sebesar {RP}, atau naik {PCT} persen.",
    "Selama ini, {C} di {L} banyak bergantung pada {C2}.",
    "Evaluasi menyeluruh terhadap {C} dijadwalkan rampung pada {MONTH} {YEAR}.",
    "{O} mengklaim jumlah pengguna {C} telah menembus {N} ribu orang.",
    "Tim gabungan dari {O} dan {O2} diterjunkan untuk memantau {C} di {L}.",
    "Target itu dinilai realistis apabila {C} dan {C2} berjalan beriringan.",
    "{P} tidak menampik bahwa {C} masih menyisakan banyak pekerjaan rumah.",
    "Kesepakatan antara {O} dan {O2} mencakup {C}, {C2}, serta pelatihan bagi tenaga lokal.",
    "Di {L}, tercatat {N} titik layanan baru yang dibuka untuk mendukung {C} sejak {MONTH}.",
    "Kenaikan itu terutama didorong oleh {C} di kawasan {L} dan {L2}.",
    "{Q} mengingatkan agar {C} tidak hanya dinikmati kota besar seperti {L}.",
    "Dalam dokumen perencanaan {O}, {C} masuk daftar program unggulan hingga {YEAR2}.",
    "Kondisi itu membuat {O2} harus menyesuaikan strategi {C} di {N} wilayah kerja.",
    "Sementara itu, realisasi {C} di {L2} justru turun {PCT} persen pada periode yang sama.",
)
SPEECH = (
    "\"{QUOTE},\" {SAY} {PE}.",
    "\"{QUOTE},\" {SAY} {PE} di {L}, {DAY}.",
    "\"{QUOTE}. {QUOTE},\" {SAY} {P}.",
    "{P} mengatakan, \"{QUOTE}.\"",
    "Menurut {P}, {CLAUSE}.",
    "{PA} mengatakan, {CLAUSE}.",
    "{P} menjelaskan bahwa {CLAUSE}.",
    "{CLAUSE_CAP}, {SAY} {PE}.",
    "\"{QUOTE},\" tutur {P} menanggapi pertanyaan wartawan.",
    "Saat dikonfirmasi, {P} membenarkan bahwa {CLAUSE}.",
    "{P} menegaskan, {CLAUSE}.",
    "Dalam keterangan tertulisnya, {PA} menyampaikan bahwa {CLAUSE}.",
    "{PA} berpendapat {CLAUSE}.",
)
FOLLOW_UPS = (
    "\"{QUOTE},\" {SAYS}.",
    "Menurutnya, {CLAUSE}.",
    "Ia juga menyebut {CLAUSE}.",
    "\"{QUOTE},\" {SAYS} lagi.",
    "Karena itu, ia meminta {O2} ikut mengawal {C}.",
)
CLAUSES = (
    "pihaknya akan memperluas {C} ke {N} kabupaten pada {YEAR}",
    "{C} di {L} masih terkendala {C2}",
    "pemerintah perlu memperkuat koordinasi antara {O} dan {O2} terkait {C}",
    "kenaikan {C} sebesar {PCT} persen masih dalam batas wajar",
    "masyarakat tidak perlu khawatir karena {C} dalam kondisi aman",
    "{O} sedang menyusun aturan turunan mengenai {C}",
    "tantangan terbesar saat ini adalah memastikan {C} menjangkau daerah terpencil",
    "dana sebesar {RP} sudah disiapkan untuk mendukung {C}",
    "pelaku usaha kecil harus dilibatkan sejak awal dalam {C}",
    "evaluasi terhadap {C} akan dilakukan setiap tiga bulan",
    "{C} berpotensi mendorong {C2} apabila dikelola dengan baik",
    "keterlambatan {C} disebabkan oleh proses administrasi yang panjang",
    "target {C} tahun ini dipatok sebesar {PCT} persen",
    "kerja sama dengan {O2} akan membuka peluang baru bagi {C}",
    "data mengenai {C} perlu diperbarui agar kebijakan tepat sasaran",
    "pengawasan terhadap {C} di {L} akan diperketat mulai {MONTH}",
    "{C} tidak boleh mengorbankan {C2}",
    "sebanyak {N} petugas dikerahkan untuk mempercepat {C}",
    "skema insentif untuk {C} masih dibahas bersama {O2}",
    "lonjakan {C} di {L} perlu diantisipasi sejak dini",
    "{O} tidak akan menaikkan {C} sebelum kajiannya selesai",
    "hasil uji coba {C} di {L2} akan menjadi dasar kebijakan nasional",
)
QUOTES = (
    "Kami menargetkan {C} bisa tumbuh {PCT} persen tahun ini",
    "Kita tidak ingin {C} justru membebani masyarakat kecil",
    "Saya minta semua pihak mengawal {C} sampai tuntas",
    "Persoalan {C} ini harus diselesaikan bersama, tidak bisa hanya oleh {OS}",
    "Kami sudah berkoordinasi dengan {O2} soal {C}",
    "Anggarannya sudah ada, sekitar {RP}, tinggal eksekusinya",
    "Yang paling penting sekarang adalah {C} di daerah seperti {L}",
    "Kalau {C} tidak dibenahi, dampaknya akan terasa pada {C2}",
    "Kami optimistis target {YEAR} bisa tercapai",
    "Sejauh ini respons pelaku usaha di {L} cukup positif",
    "Masih banyak yang perlu diperbaiki, terutama soal {C}",
    "Kami terbuka terhadap masukan dari {O2} maupun masyarakat",
    "Ini bukan pekerjaan satu atau dua bulan, butuh waktu sampai {YEAR2}",
    "Kami ingin {C} benar-benar dirasakan warga {L}",
    "Jangan sampai {C} hanya berhenti di atas kertas",
    "Tahun depan kami akan menambah {N} lokasi baru untuk {C}",
    "Harapannya {C} dan {C2} bisa berjalan beriringan",
    "Data kami menunjukkan ada kenaikan sekitar {PCT} persen",
    "Kita harus jujur bahwa {C} di {L} belum sesuai harapan",
    "Saya kira {OS} sudah berada di jalur yang benar",
)
LISTS = (
    "Sejumlah lembaga, seperti {OL}, turut terlibat dalam {C}.",
    "Program ini menyasar {N} daerah, antara lain {LL}.",
    "Beberapa isu yang dibahas antara lain {CL}.",
    "Pertemuan itu dihadiri perwakilan {OL}.",
    "Selain {C}, {O} juga menyoroti {C2} dan {C3}.",
    "Tahap berikutnya akan menjangkau {LL}.",
)
BACKGROUND = (
    "Isu {C} sudah lama menjadi perhatian publik, terutama sejak {YEAR0}.",
    "Pada {YEAR0}, {O} pernah meluncurkan program serupa, tetapi hasilnya belum optimal.",
    "Berdasarkan catatan redaksi, {C} di {L} sempat turun tajam pada {YEAR0}.",
    "{L} dikenal sebagai salah satu daerah dengan tingkat {C} tertinggi di Indonesia.",
    "Sebagai gambaran, {C} di {L2} mencapai {N} unit pada {YEAR0}.",
    "Sejak {YEAR0}, perdebatan mengenai {C} kerap muncul setiap pembahasan anggaran.",
    "Laporan tahunan {O} menempatkan {C} sebagai risiko utama bagi {C2}.",
)
CLOSINGS = (
    "{O} berjanji akan menyampaikan perkembangan {C} secara berkala.",
    "Rencananya, hasil kajian tentang {C} akan diumumkan pada {MONTH} mendatang.",
    "Hingga berita ini diturunkan, {O2} belum memberikan tanggapan resmi.",
    "Pemerintah daerah di {L} menyatakan siap mendukung {C}.",
    "Pembahasan lanjutan dijadwalkan berlangsung di {L2} pekan depan.",
    "Masyarakat dapat menyampaikan keluhan terkait {C} melalui kanal pengaduan {OS}.",
)
OPENERS = ("Selain itu, ", "Di sisi lain, ", "Sementara itu, ", "Namun, ", "Meski demikian, ",
           "Dalam kesempatan yang sama, ", "Lebih lanjut, ", "Di tempat terpisah, ")
TITLES = (
    "{OS} Targetkan {CT} Tumbuh {PCT} Persen",
    "{SURN}: {CT} Harus Dipercepat",
    "{CT} di {LM} Masih Terkendala {C2T}",
    "Pemerintah Siapkan {RP} untuk {CT}",
    "{OS} dan {O2S} Perkuat Kerja Sama {CT}",
    "Warga {LM} Keluhkan {CT}",
    "{CT} Jadi Sorotan di {EV}",
    "{SURN} Minta {OS} Benahi {CT}",
    "Menakar Dampak {CT} bagi {C2T}",
    "{CT} Naik {PCT} Persen, {OS} Waspadai {C2T}",
    "Program {CT} Diperluas ke {N} Kabupaten",
    "{LM} Jadi Percontohan {CT}",
    "{SURN} Yakin {CT} Rampung {YEAR}",
    "Dorong {CT}, {OS} Gandeng {O2S}",
)
EXTRA = (
    "Pembaruan: {O} menyatakan data {C} di atas telah diperbarui pada {DAY}.",
    "Koreksi: angka {C} yang benar adalah {PCT} persen, sesuai keterangan {O}.",
    "Tambahan informasi: {P} akan kembali menjelaskan {C} dalam {EV}.",
)

_SLOT = re.compile(r"\{([A-Z0-9_]+)\}")


# ----------------------------------------------------------------------------- one article


def _title_case(phrase: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split())


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + ", dan " + items[-1]


class _Writer:
    """Fills templates for one article, keeping track of what has been introduced."""

    def __init__(self, rng: random.Random, pool: EntityPool, topic: Topic,
                 date: dt.date) -> None:
        self.rng = rng
        self.pool = pool
        self.topic = topic
        self.date = date
        self.introduced: set[tuple[str, int]] = set()
        persons = self._cast(rng.choice((2, 3, 3, 4, 4, 5)))
        self.persons = persons
        orgs = list(dict.fromkeys(pool.persons[p].org for p in persons))
        for _ in range(rng.choice((1, 2, 2, 3))):
            own = pool.orgs_by_topic[topic.key] if rng.random() < 0.8 else pool.orgs_by_topic[""]
            org = _zipf_pick(rng, own)
            if org not in orgs:
                orgs.append(org)
        rng.shuffle(orgs)
        self.orgs = orgs
        self.main_place = rng.choice(CITIES[:12] if rng.random() < 0.6 else CITIES)
        others = [p for p in rng.sample(pool.places, 4) if p != self.main_place]
        self.places = [self.main_place, *others[:3]]
        concepts = list(topic.concepts)
        rng.shuffle(concepts)
        k = rng.randint(5, 8)
        self.concepts = concepts[:k] + rng.sample(GENERIC_CONCEPTS, rng.randint(1, 2))
        if rng.random() < 0.3:
            other = rng.choice(TOPICS)
            self.concepts.append(rng.choice(other.concepts))
        year = date.year if rng.random() < 0.7 else date.year + 1
        scope = rng.choice(("Nasional", "Indonesia", "Nusantara"))
        self.event = f"{rng.choice(EVENT_KINDS)} {topic.title} {scope} {year}"
        self.sentence: dict[str, str] = {}
        self.p = self.q = persons[0]
        self.o = self.o2 = orgs[0]

    def _cast(self, k: int) -> list[int]:
        pool, rng = self.pool, self.rng
        chosen: list[int] = []
        givens: set[str] = set()
        surnames: set[str] = set()
        tries = 0
        while len(chosen) < k and tries < 50:
            tries += 1
            own = rng.random() < 0.8 or not pool.persons_by_topic[""]
            candidates = pool.persons_by_topic[self.topic.key if own else ""]
            index = _zipf_pick(rng, candidates)
            person = pool.persons[index]
            if index in chosen or person.given in givens or person.surname in surnames:
                continue
            chosen.append(index)
            givens.add(person.given)
            surnames.add(person.surname)
        return chosen

    # -- slot values

    def _pick_weighted(self, items: Sequence[int]) -> int:
        return self.rng.choices(items, cum_weights=_zipf_cum(len(items), 0.8))[0]

    def begin_sentence(self) -> None:
        self.sentence = {}
        self.p = self._pick_weighted(self.persons)
        others = [x for x in self.persons if x != self.p]
        self.q = self.rng.choice(others) if others else self.p
        person_org = self.pool.persons[self.p].org
        self.o = person_org if self.rng.random() < 0.45 else self._pick_weighted(self.orgs)
        rest = [x for x in self.orgs if x != self.o]
        self.o2 = self.rng.choice(rest) if rest else self.o

    def person(self, index: int, style: str) -> str:
        person = self.pool.persons[index]
        key = ("person", index)
        if key in self.introduced:
            roll = self.rng.random()
            return person.surname if roll < 0.65 else person.name if roll < 0.9 else (
                f"{person.given} {person.surname}" if person.name.count(" ") > 1
                else person.surname)
        self.introduced.add(key)
        if style == "mid" and self.rng.random() < 0.6:
            return f"{person.name}, {person.title},"
        if style == "end" and self.rng.random() < 0.5:
            return f"{person.name}, {person.title}"
        return f"{person.title} {person.name}"

    def org(self, index: int) -> str:
        org = self.pool.orgs[index]
        key = ("org", index)
        if key not in self.introduced:
            self.introduced.add(key)
            return f"{org.name} ({org.abbr})" if org.abbr else org.name
        if org.abbr and self.rng.random() < 0.7:
            return org.abbr
        return org.name

    def concept(self, avoid: Sequence[str] = ()) -> str:
        items = [c for c in self.concepts if c not in avoid] or self.concepts
        return self.rng.choices(items, cum_weights=_zipf_cum(len(items), 0.9))[0]

    def place(self, exclude: Sequence[str] = ()) -> str:
        items = [p for p in self.places if p not in exclude] or self.places
        return self.rng.choice(items)

    def day(self) -> str:
        when = self.date - dt.timedelta(days=self.rng.choice((0, 0, 0, 1, 2)))
        return f"{WEEKDAYS[when.weekday()]} ({when.day}/{when.month}/{when.year})"

    def money(self) -> str:
        r = self.rng
        unit = r.choice(("triliun", "miliar", "miliar", "juta"))
        if unit == "triliun":
            return f"Rp {r.randint(1, 90)},{r.randint(1, 9)} triliun"
        return f"Rp {r.randint(2, 950)} {unit}"

    def value(self, slot: str) -> str:
        """The text of one template slot (see the templates above)."""
        r = self.rng
        s = self.sentence
        if slot in ("P", "PA", "PE"):
            return self.person(self.p, {"P": "", "PA": "mid", "PE": "end"}[slot])
        if slot in ("Q", "QE"):
            return self.person(self.q, "end" if slot == "QE" else "")
        if slot == "SURN":
            return self.pool.persons[self.persons[0]].surname
        if slot == "O":
            return self.org(self.o)
        if slot == "O2":
            return self.org(self.o2)
        if slot == "OS":
            return self.pool.orgs[self.o].headline()
        if slot == "O2S":
            return self.pool.orgs[self.o2].headline()
        if slot in ("C", "C2", "C3"):
            taken = [v for k, v in s.items() if k in ("C", "C2", "C3")]
            s[slot] = self.concept(taken)
            return s[slot]
        if slot in ("CT", "C2T"):
            s[slot] = self.concept([s.get("CT", "")])
            return _title_case(s[slot])
        if slot == "LM":
            return self.main_place
        if slot in ("L", "L2"):
            s[slot] = self.place([s.get("L", ""), s.get("L2", "")])
            return s[slot]
        if slot == "N":
            return str(r.choice((r.randint(3, 40), r.randint(10, 500))))
        if slot == "N2":
            return str(r.randint(40, 514))
        if slot == "PCT":
            return f"{r.randint(1, 38)},{r.randint(1, 9)}"
        if slot == "RP":
            return self.money()
        if slot == "YEAR":
            return str(self.date.year + r.choice((0, 0, 1)))
        if slot == "YEAR0":
            return str(self.date.year - r.randint(1, 6))
        if slot == "YEAR2":
            return str(self.date.year + r.randint(2, 6))
        if slot == "MONTH":
            return r.choice(MONTHS)
        if slot == "DAY":
            return self.day()
        if slot == "QR":
            return r.choice(ROMAN[:4])
        if slot == "EV":
            return self.event
        if slot == "SAY":
            return r.choice(SAY)
        if slot == "SAYS":
            return r.choice(SAY_SUFFIXED)
        if slot == "QUOTE":
            return self.fill(r.choice(QUOTES))
        if slot == "CLAUSE":
            return self.fill(r.choice(CLAUSES))
        if slot == "CLAUSE_CAP":
            text = self.fill(r.choice(CLAUSES))
            return text[:1].upper() + text[1:]
        if slot == "OL":
            orgs = r.sample(self.orgs, min(3, len(self.orgs)))
            extra = self.pool.orgs_by_topic[self.topic.key]
            while len(orgs) < 3:
                pick = _zipf_pick(r, extra)
                if pick not in orgs:
                    orgs.append(pick)
            return _join([self.org(o) for o in orgs])
        if slot == "LL":
            return _join(r.sample(self.pool.places, r.randint(3, 4)))
        if slot == "CL":
            return _join(r.sample(self.concepts, min(3, len(self.concepts))))
        raise KeyError(slot)

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda m: self.value(m.group(1)), template)

    def sentence_from(self, templates: Sequence[str], opener: float = 0.0) -> str:
        self.begin_sentence()
        template = self.rng.choice(templates)
        text = self.fill(template)
        if opener and self.rng.random() < opener:
            if not template.startswith("{"):
                text = text[:1].lower() + text[1:]
            text = self.rng.choice(OPENERS) + text
        return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


def _article(seed: int, index: int, words: int) -> dict[str, str]:
    rng = random.Random(f"jalin-bench/{seed}/{index}/{words}")
    pool = entity_pool(seed)
    topic = rng.choices(TOPICS, weights=TOPIC_WEIGHTS)[0]
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(10 * 365))
    writer = _Writer(rng, pool, topic, date)
    writer.begin_sentence()
    title = writer.fill(rng.choice(TITLES))
    writer.introduced.clear()
    target = max(30, round(words * rng.uniform(0.85, 1.12)))
    outlet = rng.choice(OUTLETS)
    place = writer.main_place
    dateline = (f"{place.upper()}, {outlet} - " if rng.random() < 0.6
                else f"{outlet}, {place} - ")
    lead = [writer.sentence_from(LEADS)]
    if rng.random() < 0.6:
        lead.append(writer.sentence_from(NARRATIVE))
    paragraphs = [dateline + " ".join(lead)]
    count = sum(_words(p) for p in paragraphs)
    closing = writer.sentence_from(CLOSINGS) if rng.random() < 0.7 else ""
    budget = target - _words(closing)
    kinds = ("speech", "narrative", "list", "background")
    while count < budget:
        kind = rng.choices(kinds, weights=(40, 38, 9, 13))[0]
        if kind == "speech":
            sentences = [writer.sentence_from(SPEECH)]
            if rng.random() < 0.5:
                writer.sentence = {}
                sentences.append(writer.fill(rng.choice(FOLLOW_UPS)))
        elif kind == "narrative":
            sentences = [writer.sentence_from(NARRATIVE, opener=0.35)
                         for _ in range(rng.randint(1, 3))]
        elif kind == "list":
            sentences = [writer.sentence_from(LISTS), writer.sentence_from(NARRATIVE, 0.3)]
        else:
            sentences = [writer.sentence_from(BACKGROUND) for _ in range(rng.randint(1, 2))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += _words(paragraph)
        if rng.random() < 0.04:
            other = _Writer(rng, pool, rng.choice(TOPICS), date)
            other.begin_sentence()
            paragraphs.append("Baca juga: " + other.fill(rng.choice(TITLES)))
    if closing:
        paragraphs.append(closing)
    if rng.random() < 0.3:
        letters = "abcdefghijklmnoprstuwy"
        initials = "".join(rng.choice(letters) for _ in range(3))
        paragraphs[-1] += f" ({initials}/{rng.choice(('ant', 'red', 'ed'))})"
    return {"id": f"bench-{seed}-{index:07d}", "title": title, "date": date.isoformat(),
            "source": outlet, "text": "\n\n".join(paragraphs)}


def generate_articles(n: int, seed: int = 0, words: int = 400, *,
                      start: int = 0) -> Iterator[dict[str, str]]:
    """``n`` articles as dicts with ``id``, ``title``, ``date`` (ISO), ``source`` and ``text``.

    ``text`` is the story as scraped: a dateline at the start of the first paragraph, paragraphs
    separated by blank lines, sometimes a "Baca juga" line and editor initials; about ``words``
    words (each article between 0.85 and 1.12 times it, give or take a paragraph). Article ``i``
    depends only on ``(seed, i, words)``; ``start`` skips the first articles.

    >>> [a["id"] for a in generate_articles(2, seed=7)]
    ['bench-7-0000000', 'bench-7-0000001']
    """
    if n < 0 or words < 1:
        raise ValueError("n must be >= 0 and words >= 1")
    for index in range(start, start + n):
        yield _article(seed, index, words)


def extra_sentence(seed: int, index: int) -> str:
    """A sentence to append to article ``index`` (a correction or an update), for rebuild tests.

    >>> extra_sentence(0, 5) == extra_sentence(0, 5)
    True
    """
    rng = random.Random(f"jalin-bench-extra/{seed}/{index}")
    pool = entity_pool(seed)
    writer = _Writer(rng, pool, rng.choice(TOPICS), dt.date(2024, 1, 1))
    return writer.sentence_from(EXTRA)


def article_to_txt(article: dict[str, str]) -> str:
    """The plain-text file of an article: title line, date line, story (what ingest reads)."""
    date = dt.date.fromisoformat(article["date"])
    digest = sum(article["id"].encode()) * 7919
    clock = f"{6 + digest % 16:02d}:{digest % 60:02d}"
    date_line = f"{WEEKDAYS[date.weekday()]}, {date.day} {MONTHS[date.month - 1]} {date.year} " \
                f"{clock} WIB"
    return f"{article['title']}\n\n{date_line}\n\n{article['text']}\n"


def write_corpus(n: int, out: str | Path, *, seed: int = 0, words: int = 400,
                 fmt: str = "txt", per_file: int | None = None,
                 progress: Callable[[int], None] | None = None) -> list[Path]:
    """Write ``n`` articles into the folder ``out`` (created; must be empty) and return the files.

    ``fmt="txt"``: one file per article, ``out/0000/0000000.txt``, ``per_file`` files per
    sub-folder (default 1000). ``fmt="jsonl"``: ``per_file`` articles (default 1000) per
    ``out/articles_00000.jsonl``. Files are UTF-8 with ``\\n`` line ends; the same arguments
    give byte-identical files.
    """
    if fmt not in ("txt", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}: txt or jsonl")
    per_file = per_file or 1000
    if per_file < 1:
        raise ValueError("per_file must be >= 1")
    root = Path(out)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise FileExistsError(f"{root} exists and is not an empty folder")
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    handle = None
    try:
        for i, article in enumerate(generate_articles(n, seed=seed, words=words)):
            if fmt == "txt":
                folder = root / f"{i // per_file:04d}"
                folder.mkdir(exist_ok=True)
                path = folder / f"{i:07d}.txt"
                path.write_bytes(article_to_txt(article).encode("utf-8"))
                written.append(path)
            else:
                if i % per_file == 0:
                    if handle is not None:
                        handle.close()
                    path = root / f"articles_{i // per_file:05d}.jsonl"
                    handle = path.open("wb")
                    written.append(path)
                assert handle is not None
                line = json.dumps(article, ensure_ascii=False, separators=(",", ":"))
                handle.write(line.encode("utf-8") + b"\n")
            if progress is not None:
                progress(i + 1)
    finally:
        if handle is not None:
            handle.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``make_corpus.py N OUT [--seed S] [--words W] [--format F] [--per-file K]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="output folder (created; must be empty)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=400, help="words per article (about)")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--per-file", type=int, default=None,
                        help="jsonl: articles per file; txt: files per sub-folder (default 1000)")
    args = parser.parse_args(argv)
    try:
        files = write_corpus(args.n, args.out, seed=args.seed, words=args.words, fmt=args.format,
                             per_file=args.per_file)
    except (FileExistsError, ValueError) as exc:
        print(f"make_corpus: error: {exc}", file=sys.stderr)
        return 2
    print(f"make_corpus: {args.n} articles in {len(files)} file(s) -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
