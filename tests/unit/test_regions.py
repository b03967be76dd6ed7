"""The Kemendagri dataset: what a deployment serving provinces or kabupaten/kota loads, and
finding a place by the name people type."""

from __future__ import annotations

import pytest

from models.catalog import CatalogError, load_catalog
from models.placenames import key, prefers_city, sure
from models.regions import load_served, parse_served, province_codes


def test_jawa_timur_has_38_kabupaten_kota_666_kecamatan_8494_desa() -> None:
    regions = load_served(("35",))
    assert len(regions) == 38
    assert sum(len(region.kecamatan) for region in regions) == 666
    assert sum(len(k.kelurahan) for region in regions for k in region.kecamatan) == 8494
    assert {region.province for region in regions} == {"Jawa Timur"}


def test_kota_batu_from_the_dataset_keeps_the_codes_of_the_region_file() -> None:
    (batu,) = load_served(("35.79",))
    old = load_catalog().region
    assert (batu.code, batu.name, batu.province) == (old.code, old.name, old.province)
    assert [k.code for k in batu.kecamatan] == [k.code for k in old.kecamatan]
    codes = {kel.code: kel.kind for k in batu.kecamatan for kel in k.kelurahan}
    assert codes == {kel.code: kel.kind for k in old.kecamatan for kel in k.kelurahan}


def test_all_of_indonesia() -> None:
    provinces = province_codes()
    regions = load_served(provinces)
    assert (len(provinces), len(regions)) == (38, 514)
    assert sum(len(region.kecamatan) for region in regions) == 7277
    assert sum(len(k.kelurahan) for region in regions for k in region.kecamatan) == 83763


def test_served_codes_are_checked() -> None:
    assert parse_served(" 35.73, 35.07 ") == ("35.73", "35.07")
    with pytest.raises(CatalogError, match="must be a province"):
        parse_served("35.7")
    with pytest.raises(CatalogError, match="unknown code"):
        load_served(("35.99",))


def test_names_are_compared_without_prefix_spaces_or_case() -> None:
    assert key("Kec. Junrejo") == key("junrejo") == "junrejo"
    assert key("ds oro oro ombo") == key("Oro-oro Ombo") == "orooroombo"
    assert key("Kabupaten Malang") == key("kota malang") == "malang"
    assert (prefers_city("kota malang"), prefers_city("kab. malang"), prefers_city("malang")) == (
        True,
        False,
        None,
    )


def test_kabupaten_and_kota_of_one_name_are_both_offered_the_named_one_first() -> None:
    catalog = load_catalog(served=("35",))
    names = [catalog.place_name(m.code) for m in catalog.find_regency("kota malang")]
    assert names[:2] == ["Kota Malang", "Kabupaten Malang"]
    found = catalog.find_regency("kab malang")
    assert [catalog.place_name(m.code) for m in found][:2] == ["Kabupaten Malang", "Kota Malang"]
    assert sure(found) is None
    assert sure(catalog.find_regency("surabya")) is None  # a typo is confirmed with a button
    assert catalog.place_name(sure(catalog.find_regency("Kab. Sidoarjo"))) == "Kabupaten Sidoarjo"


def test_typed_kecamatan_and_desa_within_their_parent() -> None:
    catalog = load_catalog(served=("35",))
    assert sure(catalog.find_kecamatan("kec. junrejo", "35.79")) == "35.79.03"
    assert catalog.find_kecamatan("junrejo", "35.07") == []
    assert sure(catalog.find_kelurahan("ds punten", "35.79.02")) == "35.79.02.2001"
    sumber = {catalog.place_name(m.code) for m in catalog.find_kelurahan("sumber", "35.79.02")}
    assert {"Sumbergondo", "Sumberbrantas"} <= sumber


def test_a_desa_found_among_all_of_indonesia() -> None:
    catalog = load_catalog(served=province_codes())
    punten = catalog.find_kelurahan("ds punten")
    assert punten[0].code == "35.79.02.2001" and sure(punten) == "35.79.02.2001"
    sumberjo = catalog.find_kelurahan("sumberjo")
    assert len(sumberjo) == 6 and sure(sumberjo) is None  # many desa share the name
    assert {catalog.place_name(match.code) for match in sumberjo} == {"Sumberjo"}
