"""Reference data: the shipped etalase and Kota Batu files, the lookups and the validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.catalog import (
    DEFAULT_ETALASE_PATH,
    DEFAULT_REGION_PATH,
    Catalog,
    CatalogError,
    Etalase,
    load_catalog,
)

REPO_ROOT = Path(__file__).resolve().parents[2]

VALID_ETALASE = """
[[etalase]]
code = "makanan-minuman"
name_id = "Makanan dan Minuman"
name_en = "Food and Beverages"
kbli = ["10", "11"]

[[etalase]]
code = "lainnya"
name_id = "Lainnya"
name_en = "Other"
kbli = []
"""

VALID_REGION = """
name = "Kota Contoh"
code = "99.01"
province = "Provinsi Contoh"

[[kecamatan]]
code = "99.01.01"
name = "Satu"

[[kecamatan.kelurahan]]
code = "99.01.01.1001"
name = "Alpha"
kind = "kelurahan"

[[kecamatan.kelurahan]]
code = "99.01.01.2002"
name = "Beta"
kind = "desa"
"""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(DEFAULT_ETALASE_PATH, DEFAULT_REGION_PATH)


def _etalase(catalog: Catalog, code: str) -> Etalase:
    etalase = catalog.etalase_by_code(code)
    assert etalase is not None, code
    return etalase


# --- shipped files ------------------------------------------------------------------------


def test_default_paths_point_at_the_shipped_files() -> None:
    assert DEFAULT_ETALASE_PATH == REPO_ROOT / "data" / "etalase.toml"
    assert DEFAULT_REGION_PATH == REPO_ROOT / "data" / "regions" / "kota-batu.toml"
    assert load_catalog() == load_catalog(DEFAULT_ETALASE_PATH, DEFAULT_REGION_PATH)


def test_shipped_etalase_cover_the_expected_categories(catalog: Catalog) -> None:
    codes = [etalase.code for etalase in catalog.etalase]
    assert 14 <= len(codes) <= 16
    assert len(set(codes)) == len(codes)
    for code in (
        "makanan-minuman",
        "jasa-boga",
        "alat-tulis-kantor",
        "jasa-kebersihan",
        "jasa-keamanan",
        "suvenir-kerajinan",
        "servis-kendaraan",
        "percetakan",
        "pakaian-konveksi",
        "bahan-bangunan",
        "hasil-pertanian",
        "komputer-peralatan-kantor",
        "mebel",
        "acara-sewa-peralatan",
        "laundry",
        "lainnya",
    ):
        assert code in codes
    assert _etalase(catalog, "lainnya").kbli_prefixes == ()


def test_only_lainnya_accepts_every_kbli(catalog: Catalog) -> None:
    catch_all = [etalase.code for etalase in catalog.etalase if not etalase.kbli_prefixes]
    assert catch_all == ["lainnya"]


def test_kota_batu_has_3_kecamatan_and_24_desa_kelurahan(catalog: Catalog) -> None:
    region = catalog.region
    assert (region.code, region.name, region.province) == ("35.79", "Kota Batu", "Jawa Timur")
    names = {kecamatan.code: kecamatan.name for kecamatan in region.kecamatan}
    assert names == {"35.79.01": "Batu", "35.79.02": "Bumiaji", "35.79.03": "Junrejo"}
    counts = {kecamatan.name: len(kecamatan.kelurahan) for kecamatan in region.kecamatan}
    assert counts == {"Batu": 8, "Bumiaji": 9, "Junrejo": 7}
    kinds = [kel.kind for kec in region.kecamatan for kel in kec.kelurahan]
    assert (kinds.count("kelurahan"), kinds.count("desa")) == (5, 19)


def test_kelurahan_of_kota_batu(catalog: Catalog) -> None:
    kelurahan = {
        kel.name
        for kec in catalog.region.kecamatan
        for kel in kec.kelurahan
        if kel.kind == "kelurahan"
    }
    assert kelurahan == {"Ngaglik", "Sisir", "Songgokerto", "Temas", "Dadaprejo"}


def test_region_codes_are_unique(catalog: Catalog) -> None:
    region = catalog.region
    codes = [kec.code for kec in region.kecamatan]
    codes += [kel.code for kec in region.kecamatan for kel in kec.kelurahan]
    assert len(codes) == 27
    assert len(set(codes)) == len(codes)


# --- lookups ------------------------------------------------------------------------------


def test_kecamatan_by_code(catalog: Catalog) -> None:
    batu = catalog.region.kecamatan_by_code("35.79.01")
    assert batu is not None and batu.name == "Batu"
    assert catalog.region.kecamatan_by_code("35.79.09") is None


def test_kelurahan_by_code_returns_its_kecamatan(catalog: Catalog) -> None:
    found = catalog.region.kelurahan_by_code("35.79.02.2009")
    assert found is not None
    kecamatan, kelurahan = found
    assert (kecamatan.name, kelurahan.name, kelurahan.kind) == ("Bumiaji", "Sumber Brantas", "desa")
    assert catalog.region.kelurahan_by_code("35.79.02") is None


def test_etalase_by_code(catalog: Catalog) -> None:
    assert _etalase(catalog, "jasa-boga").name_id == "Jasa Boga (Katering)"
    assert catalog.etalase_by_code("tidak-ada") is None


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Food and Beverages"),
        ("en-US", "Food and Beverages"),
        ("id", "Makanan dan Minuman"),
        ("jv", "Makanan dan Minuman"),
    ],
)
def test_name_falls_back_to_indonesian(catalog: Catalog, lang: str, expected: str) -> None:
    assert _etalase(catalog, "makanan-minuman").name(lang) == expected


# --- KBLI fit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("etalase_code", "kbli", "fits"),
    [
        ("makanan-minuman", "10710", True),  # bakery products
        ("makanan-minuman", "11040", True),  # soft drinks
        ("makanan-minuman", "81210", False),  # building cleaning
        ("jasa-boga", "56210", True),  # event catering
        ("jasa-kebersihan", "81210", True),
        ("alat-tulis-kantor", "46421", True),  # wholesale stationery
        ("alat-tulis-kantor", "46422", False),  # wholesale printed matter
        ("servis-kendaraan", "45405", True),  # motorcycle repair
        ("hasil-pertanian", "01135", True),  # horticulture
        ("laundry", "96200", True),
        ("mebel", "31001", True),  # wooden furniture
        ("mebel", "47592", False),  # retail household appliances
    ],
)
def test_fits_kbli(catalog: Catalog, etalase_code: str, kbli: str, fits: bool) -> None:
    assert _etalase(catalog, etalase_code).fits_kbli(kbli) is fits


@pytest.mark.parametrize("kbli", ["10710", "81210", "62010", "01", "99999"])
def test_everything_fits_lainnya(catalog: Catalog, kbli: str) -> None:
    assert _etalase(catalog, "lainnya").fits_kbli(kbli)


def test_mismatched_kbli_keeps_the_given_order(catalog: Catalog) -> None:
    kbli = ["81210", "10710", "56101", "11040"]
    assert catalog.mismatched_kbli("makanan-minuman", kbli) == ["81210", "56101"]
    assert catalog.mismatched_kbli("lainnya", kbli) == []
    assert catalog.mismatched_kbli("makanan-minuman", []) == []


def test_mismatched_kbli_rejects_an_unknown_etalase(catalog: Catalog) -> None:
    with pytest.raises(KeyError, match="tidak-ada"):
        catalog.mismatched_kbli("tidak-ada", ["10710"])


# --- malformed files ----------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(tmp_path: Path, etalase: str = VALID_ETALASE, region: str = VALID_REGION) -> Catalog:
    return load_catalog(
        _write(tmp_path, "etalase.toml", etalase), _write(tmp_path, "region.toml", region)
    )


def test_minimal_valid_files_load(tmp_path: Path) -> None:
    catalog = _load(tmp_path)
    assert [etalase.code for etalase in catalog.etalase] == ["makanan-minuman", "lainnya"]
    assert catalog.region.kelurahan_by_code("99.01.01.2002") is not None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'code = "lainnya"',
            'code = "makanan-minuman"',
            "etalase #2: duplicate code 'makanan-minuman', already used by etalase #1",
        ),
        ('name_en = "Other"', 'name_en = "  "', "etalase #2 (lainnya): 'name_en' must be"),
        ('name_id = "Lainnya"\n', "", "etalase #2 (lainnya): missing 'name_id'"),
        ('"10", "11"', '"10", "1a"', "KBLI prefix '1a' must be a quoted string of 2 to 5 digits"),
        ('"10", "11"', '"10", "123456"', "KBLI prefix '123456'"),
        ('"10", "11"', '"10", "1"', "KBLI prefix '1'"),
        ('"10", "11"', "10, 11", "KBLI prefix 10 must be a quoted string"),
        ('kbli = ["10", "11"]', 'kbli = "10"', "'kbli' must be a list"),
        (
            "kbli = []",
            "kbil = []",
            "etalase #2: unknown key(s) kbil; expected code, kbli, name_en, name_id",
        ),
        ('code = "lainnya"', 'code = "Lain Lain"', "code 'Lain Lain' must be kebab-case"),
        ('name_en = "Other"', 'name_en = "Other', "invalid TOML"),
    ],
)
def test_malformed_etalase_file(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in VALID_ETALASE
    with pytest.raises(CatalogError, match=r"etalase\.toml") as raised:
        _load(tmp_path, etalase=VALID_ETALASE.replace(old, new, 1))
    assert message in str(raised.value)


def test_etalase_file_without_entries(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"needs at least one \[\[etalase\]\] entry"):
        _load(tmp_path, etalase="# nothing yet\n")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '"99.01.01.2002"',
            '"99.01.01.1001"',
            "kecamatan #1 (99.01.01), kelurahan #2: duplicate code '99.01.01.1001', "
            "already used by kecamatan #1 (99.01.01), kelurahan #1",
        ),
        (
            '"99.01.01.2002"',
            '"99.01.02.2002"',
            "kelurahan #2: code '99.01.02.2002' must start with its parent's code \"99.01.01.\"",
        ),
        ('"99.01.01.2002"', '"99.01.01.A2"', "code '99.01.01.A2' must be dotted digit groups"),
        ('kind = "desa"', 'kind = "dusun"', "kelurahan #2 (99.01.01.2002): kind 'dusun' must be"),
        (
            'name = "Alpha"',
            'name = ""',
            "kecamatan #1 (99.01.01), kelurahan #1 (99.01.01.1001): 'name' must be a non-empty",
        ),
        ('name = "Satu"', 'nama = "Satu"', "kecamatan #1: unknown key(s) nama"),
        ('province = "Provinsi Contoh"\n', "", "top level: missing 'province'"),
        (
            'kind = "desa"\n',
            'kind = "desa"\n\n[[kecamatan]]\ncode = "99.01.02"\nname = "Dua"\n',
            "kecamatan #2 (99.01.02): needs at least one [[kecamatan.kelurahan]] entry",
        ),
        (
            'kind = "desa"\n',
            'kind = "desa"\n\n[[kecamatan]]\ncode = "99.01.01"\nname = "Lagi"\n',
            "kecamatan #2: duplicate code '99.01.01', already used by kecamatan #1",
        ),
    ],
)
def test_malformed_region_file(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in VALID_REGION
    with pytest.raises(CatalogError, match=r"region\.toml") as raised:
        _load(tmp_path, region=VALID_REGION.replace(old, new, 1))
    assert message in str(raised.value)


def test_region_file_without_kecamatan(tmp_path: Path) -> None:
    region = 'name = "Kota Contoh"\ncode = "99.01"\nprovince = "Provinsi Contoh"\n'
    with pytest.raises(CatalogError, match=r"top level: needs at least one \[\[kecamatan\]\]"):
        _load(tmp_path, region=region)


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(CatalogError, match=r"missing\.toml: cannot read file"):
        load_catalog(DEFAULT_ETALASE_PATH, missing)


def test_catalog_error_is_a_value_error() -> None:
    assert issubclass(CatalogError, ValueError)
