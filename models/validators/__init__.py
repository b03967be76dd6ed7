"""Channel-independent validators for the answers of registration and product listing.

Each ``parse_*`` function takes the user's raw text and returns a normalised value, or raises
``InvalidInput`` (or ``AmbiguousAmount``) from ``models.errors`` with a key of
``locales/*/validation.ftl``.
"""

from models.validators.contact import parse_email, parse_phone
from models.validators.identity import (
    parse_kbli_list,
    parse_nib,
    parse_nik,
    parse_npwp,
    parse_person_name,
)
from models.validators.money import Period, format_rupiah, parse_period_amount, parse_rupiah
from models.validators.product import (
    parse_brand,
    parse_description,
    parse_kbki,
    parse_product_name,
    parse_sni,
    parse_tkdn,
    parse_unit,
    read_tkdn,
)
from models.validators.quantity import (
    LEAD_TIME_MAX,
    Reading,
    parse_capacity,
    parse_lead_time,
    parse_quantity,
    read_lead_time,
    read_quantity,
)
from models.validators.scale import BusinessScale, ScaleBasis, classify_scale
from models.validators.text import parse_address, parse_business_name

__all__ = [
    "LEAD_TIME_MAX",
    "BusinessScale",
    "Period",
    "Reading",
    "ScaleBasis",
    "classify_scale",
    "format_rupiah",
    "parse_address",
    "parse_brand",
    "parse_business_name",
    "parse_capacity",
    "parse_description",
    "parse_email",
    "parse_kbki",
    "parse_kbli_list",
    "parse_lead_time",
    "parse_nib",
    "parse_nik",
    "parse_npwp",
    "parse_period_amount",
    "parse_person_name",
    "parse_phone",
    "parse_product_name",
    "parse_quantity",
    "parse_rupiah",
    "parse_sni",
    "parse_tkdn",
    "parse_unit",
    "read_lead_time",
    "read_quantity",
    "read_tkdn",
]
