## Product listing: the form, "Produk saya", and product cards.

product-started = 🛍 Mari daftarkan produk baru. Jawab satu per satu; semuanya tersimpan otomatis sebagai draf.
product-register-first = Sebelum mendaftarkan produk, mohon mulai pendaftaran usaha dulu (minimal menyetujui pemberitahuan privasi).
product-ask-name =
    Apa nama produk atau jasa yang ingin dijual? Tulis yang jelas, termasuk ukuran atau varian.
    Contoh: Keripik Apel Original 200 gram
product-ask-etalase = Produk ini masuk etalase (kategori katalog) apa?
product-main-etalase = ⭐ { $name }
product-ask-description =
    Tulis deskripsi dan spesifikasi produk (20 sampai 1.500 huruf). Pembeli pemerintah perlu tahu: bahan, ukuran/berat, kemasan, masa simpan atau garansi.
    Contoh: Keripik apel asli Batu tanpa pengawet. Berat bersih 200 gram, kemasan standing pouch, tahan 6 bulan.
product-ask-brand =
    Apa merek produknya? Tekan "Lewati" jika tidak ada merek.
    Contoh: Apel Batu Jaya
product-ask-unit = Produk dijual per satuan apa? Pilih di bawah, atau ketik satuan lain.
product-ask-price =
    Berapa harga per { $unit }? Sudah termasuk pajak jika ada.
    Contoh: 15000, 15rb, atau Rp 1.250.000
product-ask-price-confirm = Harga { $price } per { $unit }. Benar?
product-ask-min-order =
    Berapa pembelian minimal, dalam { $unit }?
    Contoh: 10
product-ask-capacity =
    Berapa { $unit } yang sanggup Anda sediakan dalam sebulan (kapasitas produksi atau stok)?
    Contoh: 500
product-ask-domestic = Apakah ini produk dalam negeri (dibuat di Indonesia)?
button-domestic-yes = 🇮🇩 Ya, produk dalam negeri
    .whatsapp = 🇮🇩 Ya, dalam negeri
button-domestic-no = Bukan (impor)
product-ask-tkdn =
    Jika produk punya sertifikat TKDN (Tingkat Komponen Dalam Negeri), berapa persennya? Tekan "Lewati" jika belum punya.
    Contoh: 40
product-ask-sni =
    Jika produk punya SNI atau sertifikat SPPT-SNI, tulis nomornya. Tekan "Lewati" jika tidak ada.
    Contoh: SNI 01-3553-2006
product-ask-kbki =
    Jika tahu kode KBKI (Klasifikasi Baku Komoditas Indonesia) produk ini, tulis di sini. Tekan "Lewati" jika tidak tahu.
    Contoh: 2391510
product-ask-photos = Kirim foto produk ({ $count } dari { $max } foto). Foto yang terang dan jelas membantu produk cepat disetujui. Kirim satu per satu, lalu tekan "Selesai".
product-photo-saved = 📷 Foto { $count } dari { $max } tersimpan.
product-photos-cleared = Semua foto dihapus. Silakan kirim ulang.
button-photos-done = ✅ Selesai
button-photos-clear = 🔄 Ulangi foto
error-photo-expected = Untuk langkah ini, kirim foto produk (minimal satu), lalu tekan "Selesai".
product-ask-lead-time =
    Berapa hari waktu pengiriman setelah pesanan diterima? Tekan "Lewati" jika belum pasti.
    Contoh: 3

help-product-name = Nama produk yang jelas memudahkan pembeli mencari. Sebutkan jenis, varian, dan ukuran. Hindari huruf kapital semua.
help-product-etalase = Etalase adalah kategori di katalog. Etalase utama usaha Anda ditandai ⭐.
help-product-description = Tulis hal yang ditanyakan pembeli: bahan, ukuran atau berat, kemasan, warna, masa simpan, garansi. Boleh beberapa baris.
help-product-brand = Merek adalah nama dagang produk. Jika produk tidak bermerek, tekan "Lewati".
help-product-unit = Satuan adalah cara produk dihitung saat dibeli: pcs, kg, paket, porsi, jam, dan lain-lain.
help-product-price = Tulis harga satuan dalam Rupiah. Boleh ditulis 15000, 15.000, 15rb, atau 1,5 jt.
help-product-price-confirm = Periksa harga yang kami baca. Jika salah, tekan "Ubah jawaban".
help-product-min-order = Pembelian minimal adalah jumlah terkecil yang bisa dipesan sekaligus.
help-product-capacity = Kapasitas adalah jumlah yang sanggup Anda sediakan dalam sebulan. Pembeli memakainya untuk merencanakan pesanan.
help-product-domestic = Produk dalam negeri diutamakan dalam pengadaan pemerintah. Pilih "Ya" jika dibuat di Indonesia.
help-product-tkdn = TKDN adalah persentase komponen dalam negeri, tertera di sertifikat TKDN dari Kemenperin. Petugas akan memeriksa sertifikatnya.
help-product-sni = SNI adalah Standar Nasional Indonesia. Nomornya ada di sertifikat SPPT-SNI atau kemasan. Petugas akan memeriksanya.
help-product-kbki = KBKI adalah kode komoditas yang dipakai katalog elektronik. Jika tidak tahu, lewati saja; petugas bisa membantu.
help-product-photos = Kirim 1 sampai 5 foto sebagai foto biasa (bukan file). Gunakan latar polos dan cahaya terang.
help-product-lead-time = Waktu pengiriman adalah jumlah hari dari pesanan diterima sampai barang atau jasa diserahkan.
help-product-summary = Periksa semua data produk. Tekan nama data untuk mengubahnya. Jika sudah benar, kirim untuk diverifikasi.

product-field-name = Nama produk
product-field-etalase = Etalase
product-field-description = Deskripsi
product-field-brand = Merek
product-field-unit = Satuan
product-field-price = Harga
product-field-min-order = Pembelian minimal
product-field-capacity = Kapasitas
product-field-domestic = Produk dalam negeri
product-field-tkdn = TKDN
product-field-sni = SNI
product-field-kbki = KBKI
product-field-photos = Foto
product-field-lead-time = Waktu kirim

value-price = { $price } per { $unit }
value-quantity = { $count } { $unit }
value-capacity = { $count } { $unit } per bulan
value-domestic-yes = Ya
value-domestic-no = Bukan (impor)
value-tkdn = { $percent } (belum diperiksa)
value-photos = { $count } foto
value-days = { $count } hari

product-status-draft = 📝 Draf
product-status-submitted = ⏳ Diajukan
product-status-needs-fix = 🛠 Perlu perbaikan
product-status-approved = ✅ Disetujui
product-status-rejected = ❌ Ditolak

product-summary-title = 📦 Ringkasan produk ({ $status })
product-summary-hint = Tekan data yang ingin diubah. Jika semua sudah benar, kirim untuk diverifikasi.
product-paused = 💾 Draf "{ $name }" tersimpan. Lanjutkan kapan saja.
product-saved-draft = 💾 Draf "{ $name }" tersimpan. Anda bisa mengirimnya nanti dari "Produk saya".
product-submitted = 🎉 Produk "{ $name }" sudah dikirim untuk diverifikasi.
products-submitted = 🎉 { $count } produk sudah dikirim untuk diverifikasi.
product-not-editable = Produk itu sedang diperiksa atau sudah selesai, jadi tidak bisa diubah sekarang.
product-not-found = Produk itu tidak ditemukan.
product-duplicated = 📄 Salinan dibuat sebagai draf baru. Ubah yang perlu, lalu kirim.
product-delete-confirm = Hapus draf "{ $name }"? Ini tidak bisa dibatalkan.
product-deleted = 🗑 Draf "{ $name }" sudah dihapus.
product-action-unavailable = Tindakan itu tidak tersedia untuk produk ini.
product-card-title = 📦 { $name } ({ $status })
products-title = 🛍 Produk saya: { $total } produk (halaman { $page } dari { $pages }). Pilih produk untuk melihat atau mengubahnya.
products-empty = Anda belum punya produk. Daftarkan produk pertama Anda!
product-list-entry = { $number }. { $name } · { $status }
welcome-back-product = Selamat datang kembali! 😊 Draf produk "{ $name }" belum selesai. Mau lanjut sekarang?

button-add-product = ➕ Tambah produk
button-add-another-product = ➕ Tambah produk lain
button-my-products = 🛍 Produk saya
button-continue-product = ▶️ Lanjutkan produk
button-save-draft = 💾 Simpan sebagai draf
    .whatsapp = 💾 Simpan draf
button-submit-all = 📤 Kirim semua yang siap ({ $count })
    .whatsapp = 📤 Kirim semua ({ $count })
button-previous-page = « Sebelumnya
button-next-page = Berikutnya »
button-edit-product = ✏️ Ubah
button-duplicate-product = 📄 Duplikat
button-delete-product = 🗑 Hapus
button-delete-yes = 🗑 Ya, hapus
button-delete-no = Batal

error-product-delete-not-draft = Hanya draf yang bisa dihapus.
error-product-registration-first = Produk bisa dikirim setelah pendaftaran usaha Anda dikirim. Selesaikan pendaftaran usaha dulu dengan /daftar.
error-product-incomplete = Masih ada { $count } data wajib produk yang belum diisi.
error-product-locked = Produk ini sedang diperiksa atau sudah selesai, jadi tidak bisa diubah sekarang.
product-review-note = 💬 Catatan petugas: { $note }

error-photo-too-large = Foto terlalu besar. Maksimal { $max_mb } MB; kirim sebagai foto biasa (bukan file) agar otomatis diperkecil.
error-photo-too-large-pixels = Ukuran gambar terlalu besar. Kirim sebagai foto biasa agar otomatis diperkecil.
error-photo-type = File ini bukan foto. Kirim foto produk berformat JPG, PNG, atau WEBP.
error-min-order-above-capacity = Pembelian minimal tidak boleh lebih dari kemampuan per bulan ({ $capacity }).
error-capacity-below-min-order = Kemampuan per bulan tidak boleh kurang dari pembelian minimal ({ $min_order }).
error-tkdn-not-domestic = TKDN hanya untuk produk dalam negeri.
error-photo-limit = Sudah ada { $max } foto, jumlah maksimal. Tekan "Selesai" atau "Ulangi foto".
help-product-min-order-confirm = Periksa jumlah yang kami baca dari jawaban Anda, dalam satuan produk. Jika salah, tekan "Ubah jawaban" atau ketik jumlahnya dengan angka.
help-product-capacity-confirm = Periksa kapasitas per bulan yang kami hitung dari jawaban Anda (sehari dikali 30, seminggu dikali 52/12). Jika salah, tekan "Ubah jawaban".
help-product-tkdn-confirm = Periksa persentase TKDN yang kami baca. Jika salah, tekan "Ubah jawaban".
help-product-lead-time-confirm = Periksa jumlah hari yang kami baca (seminggu 7 hari, sebulan 30 hari). Jika salah, tekan "Ubah jawaban".
product-ask-min-order-confirm = Maksud Anda: pembelian minimal { $value }? (dari "{ $typed }")
product-ask-capacity-confirm = Maksud Anda: sanggup menyediakan { $value }? (dari "{ $typed }")
product-ask-tkdn-confirm = Maksud Anda: TKDN { $value }? (dari "{ $typed }")
product-ask-lead-time-confirm = Maksud Anda: dikirim dalam { $value }? (dari "{ $typed }")
