## Bureau reports for staff: search (/cari), statistics (/statistik), catalogue export (/ekspor).

search-usage =
    🔎 Cari penyedia dengan nama usaha, nama pemilik, NIK, NIB, atau nomor HP. Contoh:
    • /cari keripik apel
    • /cari 081234567890
search-usage-unit = Di satu kabupaten/kota saja: tulis namanya atau kodenya dulu, misalnya /cari kota malang keripik atau /cari 35.73 keripik.
search-unit-unknown = Unit "{ $unit }" tidak ada di layanan ini. Pilih unit yang Anda maksud untuk mencari "{ $query }", atau cari "{ $text }" di semua unit Anda:
button-search-everywhere = 🔎 Di semua unit
search-none = Tidak ada penyedia yang cocok dengan "{ $query }". Coba kata lain, atau cari dengan NIK, NIB, atau nomor HP.
search-results = 🔎 { $count } penyedia cocok dengan "{ $query }". Pilih untuk membuka datanya:
search-results-many = 🔎 Lebih dari { $count } penyedia cocok dengan "{ $query }". Pilih untuk membuka datanya:
search-more = Yang tampil hanya { $shown } yang paling mirip. Perjelas kata kuncinya kalau yang dicari belum ada.
search-hit = { $name } · { $owner } · { $status }

stats-title = 📊 Statistik per { $date }
stats-vendors =
    🏪 Pendaftaran usaha: { $total }
    { $lines }
stats-products =
    📦 Produk: { $total }
    { $lines }
stats-line = • { $label }: { $count }
stats-targets =
    🎯 Target katalog:
    • Usaha disetujui: { $vendors } dari { $vendor_target } ({ $vendor_share })
    • Produk disetujui: { $products } dari { $product_target } ({ $product_share })
stats-funnel =
    🪜 Alur pendaftaran:
    { $lines }
stats-stage-started = Menghubungi bot
stats-stage-opened = Membuka pendaftaran
stats-stage-consented = Menyetujui privasi
stats-stage-submitted = Mengirim pendaftaran
stats-stage-approved = Disetujui
stats-review-time =
    ⏱ Lama verifikasi (median, dari diajukan sampai diputuskan):
    • Pendaftaran usaha: { $vendors }
    • Produk: { $products }
stats-review-time-value = { $duration } (dari { $count } keputusan terakhir)
stats-review-time-none = belum ada keputusan
stats-drop-off =
    🚧 Pendaftaran yang belum selesai, berhenti di:
    { $lines }
stats-drop-off-none = 🚧 Tidak ada pendaftaran yang belum selesai.
stats-step-elsewhere = keluar dari formulir
stats-etalase =
    🗂 Per etalase (usaha yang sudah mengajukan; produk dari semua status):
    { $lines }
stats-etalase-line = • { $name }: { $registered } usaha ({ $approved } disetujui), { $products } produk
stats-kecamatan =
    📍 Per kecamatan (usaha yang sudah mengajukan):
    { $lines }
stats-kecamatan-line = • { $name }: { $registered } usaha ({ $approved } disetujui)
stats-not-given = belum diisi
stats-chart-funnel = Alur pendaftaran
stats-chart-targets = Menuju target
stats-chart-vendors = Usaha
stats-chart-products = Produk

export-preparing = ⏳ Sedang menyiapkan file ekspor (CSV dan Excel). Mohon tunggu sebentar, file akan dikirim ke sini.
export-empty = Belum ada produk yang disetujui, jadi belum ada yang bisa diekspor.
export-too-large = Ada { $count } produk, terlalu banyak untuk dikirim lewat chat (paling banyak { $limit }). Ekspor langsung di server dengan perintah: umkm-bot export
export-done = 📤 Ekspor katalog: { $count } produk yang disetujui beserta data penyedianya, dalam CSV dan Excel (XLSX). Susunan kolomnya mengikuti unggahan e-Katalog.
stats-unit = 🏛 { $unit }
stats-units =
    🏛 Per kabupaten/kota (terdaftar · diajukan · disetujui):
    { $lines }
stats-unit-line = • { $name }: { $consented } · { $submitted } · { $approved }
