## Bureau reports for staff: search (/cari), statistics (/statistik), catalogue export (/ekspor).

search-usage =
    🔎 Search providers by business name, owner name, NIK, NIB or phone number. For example:
    • /cari keripik apel
    • /cari 081234567890
search-usage-unit = In one kabupaten/kota only: name it or its code first, e.g. /cari kota malang keripik or /cari 35.73 keripik.
search-unit-unknown = There is no unit "{ $unit }" in this service. Choose the unit you meant to search for "{ $query }", or search for "{ $text }" in all your units:
button-search-everywhere = 🔎 In all units
search-none = No provider matches "{ $query }". Try other words, or search by NIK, NIB or phone number.
search-results = 🔎 { $count ->
        [one] 1 provider matches
       *[other] { $count } providers match
    } "{ $query }". Pick one to open it:
search-results-many = 🔎 More than { $count } providers match "{ $query }". Pick one to open it:
search-more = Only the { $shown } closest are shown. Make the search more precise if the one you want is missing.
search-hit = { $name } · { $owner } · { $status }

stats-title = 📊 Statistics as of { $date }
stats-vendors =
    🏪 Business registrations: { $total }
    { $lines }
stats-products =
    📦 Products: { $total }
    { $lines }
stats-line = • { $label }: { $count }
stats-targets =
    🎯 Catalogue targets:
    • Approved businesses: { $vendors } of { $vendor_target } ({ $vendor_share })
    • Approved products: { $products } of { $product_target } ({ $product_share })
stats-funnel =
    🪜 Registration funnel:
    { $lines }
stats-stage-started = Wrote to the bot
stats-stage-opened = Opened registration
stats-stage-consented = Accepted privacy notice
stats-stage-submitted = Submitted registration
stats-stage-approved = Approved
stats-review-time =
    ⏱ Review time (median, from submission to decision):
    • Business registrations: { $vendors }
    • Products: { $products }
stats-review-time-value = { $duration } (over the last { $count ->
        [one] decision
       *[other] { $count } decisions
    })
stats-review-time-none = no decisions yet
stats-drop-off =
    🚧 Unfinished registrations, stopped at:
    { $lines }
stats-drop-off-none = 🚧 No unfinished registrations.
stats-step-elsewhere = left the form
stats-etalase =
    🗂 By etalase (businesses that submitted; products of any status):
    { $lines }
stats-etalase-line = • { $name }: { $registered ->
        [one] 1 business
       *[other] { $registered } businesses
    } ({ $approved } approved), { $products ->
        [one] 1 product
       *[other] { $products } products
    }
stats-kecamatan =
    📍 By kecamatan (businesses that submitted):
    { $lines }
stats-kecamatan-line = • { $name }: { $registered ->
        [one] 1 business
       *[other] { $registered } businesses
    } ({ $approved } approved)
stats-not-given = not given
stats-chart-funnel = Registration funnel
stats-chart-targets = Towards the targets
stats-chart-vendors = Businesses
stats-chart-products = Products

export-preparing = ⏳ Preparing the export files (CSV and Excel). They will arrive here shortly.
export-empty = No product has been approved yet, so there is nothing to export.
export-too-large = There are { $count } products, too many to send in the chat (at most { $limit }). Export on the server instead: umkm-bot export
export-done = 📤 Catalogue export: { $count ->
        [one] 1 approved product
       *[other] { $count } approved products
    } with their providers' data, as CSV and Excel (XLSX). The columns follow the e-Katalog upload layout.
stats-unit = 🏛 { $unit }
stats-units =
    🏛 By kabupaten/kota (registered · submitted · approved):
    { $lines }
stats-unit-line = • { $name }: { $consented } · { $submitted } · { $approved }
