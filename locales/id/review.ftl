## Bureau review: queue, review cards, decisions, roles, and what the vendor is told.

review-queue-empty = 🎉 Antrian kosong. Tidak ada pengajuan yang menunggu verifikasi.
review-queue-title = 📥 Antrian verifikasi: { $vendors } pendaftaran usaha, { $products } produk (halaman { $page } dari { $pages }). Yang paling lama menunggu ada di atas.
review-entry-vendor = 🏪 { $name } · { $days } hari
review-entry-product = 📦 { $name } ({ $vendor }) · { $days } hari
review-item-missing = Pengajuan itu tidak ditemukan.
review-vendor-title = 🏪 Pendaftaran usaha no. { $id }: { $name } ({ $status })
review-product-title = 📦 Produk: { $name } dari { $vendor } ({ $status })
review-no-flags = ✅ Tidak ada catatan otomatis. Tetap periksa datanya dengan dokumen.
review-flags =
    ⚠️ Perlu diperiksa:
    { $lines }
review-flag-kbli-mismatch = • KBLI { $codes } tidak sesuai etalase yang dipilih.
review-flag-no-nib = • Belum punya NIB.
review-flag-duplicate-nik = • NIK yang sama dipakai juga oleh: { $names }.
review-flag-duplicate-nib = • NIB yang sama dipakai juga oleh: { $names }.
review-flag-duplicate-phone = • Nomor HP yang sama dipakai juga oleh: { $names }.
review-flag-price-far = • Harga jauh dari harga tengah (median) etalase ini: Rp{ $median }.
review-flag-tkdn-claim = • TKDN adalah klaim penyedia: cocokkan dengan sertifikat TKDN.
review-flag-sni-claim = • SNI adalah klaim penyedia: cocokkan dengan sertifikat SPPT-SNI.
button-review-approve = ✅ Setujui
button-review-fix = 🛠 Perlu perbaikan
button-review-reject = ❌ Tolak
button-review-history = 📜 Riwayat
button-review-queue = 📥 Antrian
review-approve-confirm = Setujui pengajuan ini? Penyedia akan langsung diberi tahu.
button-review-approve-yes = ✅ Ya, setujui
review-ask-fields = Data mana yang perlu diperbaiki? Tekan untuk memilih (bisa lebih dari satu), lalu tekan "Lanjut".
review-field-toggle = { $on ->
        [yes] ☑️ { $label }
       *[no] ⬜ { $label }
    }
button-review-next = Lanjut ➡️
review-ask-reason = Pilih alasan, atau ketik catatan sendiri:
review-note-hint = Boleh tambahkan catatan untuk penyedia: ketik saja. Atau langsung kirim.
review-confirm =
    Keputusan: { $decision ->
        [approved] ✅ Disetujui
        [needs_fix] 🛠 Perlu perbaikan
       *[rejected] ❌ Ditolak
    }
    Data yang diperbaiki:
    { $fields }
    Alasan: { $reason }
    Catatan: { $note }
button-review-send = 📨 Kirim keputusan
review-decided = { $decision ->
        [approved] ✅ Disetujui.
        [needs_fix] 🛠 Dikembalikan untuk perbaikan.
       *[rejected] ❌ Ditolak.
    } Penyedia sudah diberi tahu.
button-review-next-item = ➡️ Pengajuan berikutnya
    .whatsapp = ➡️ Berikutnya
review-already-decided = Pengajuan ini sudah diputuskan oleh { $by } (status sekarang: { $status ->
        [approved] disetujui
        [needs_fix] perlu perbaikan
        [rejected] ditolak
       *[other] { $status }
    }).
review-history =
    📜 Riwayat:
    { $lines }
review-history-line = • { $when }: { $status }, oleh { $by }{ $note }
review-history-vendor = penyedia
review-history-note = . { $text }
error-review-note-required = Pilih alasan atau tulis catatan dulu.
error-review-fields-required = Pilih minimal satu data yang perlu diperbaiki.

reason-nib-invalid = NIB tidak valid
reason-photo-unclear = Foto kurang jelas
reason-price-unreasonable = Harga tidak wajar
reason-kbli-mismatch = KBLI tidak sesuai etalase
    .whatsapp = KBLI tak sesuai etalase
reason-data-mismatch = Data tidak sesuai dokumen
    .whatsapp = Data tak sesuai dokumen
reason-spec-incomplete = Spesifikasi kurang lengkap
    .whatsapp = Spesifikasi kurang
reason-duplicate = Terdaftar ganda

role-usage =
    Cara memakai /peran:
    • /peran tambah <id Telegram> verifikator
    • /peran cabut <id Telegram> verifikator
    • /peran tambah <id Telegram> verifikator kota malang (peran untuk satu kabupaten/kota; tanpa nama: seluruh wilayah Anda)
    Peran: superadmin, verifikator, pendamping. Bisa juga dengan membalas pesan yang diteruskan dari orangnya: /peran tambah pendamping
    Tanpa id: /peran undang verifikator kota malang membuat tautan undangan. Petugas tanpa Telegram disebut dengan nomor WhatsApp-nya: /peran cabut +6281234567890 verifikator
role-changed = { $action ->
        [granted] ✅ Peran { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    } diberikan kepada { $user }.
       *[revoked] ✅ Peran { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    } dicabut dari { $user }.
    }
role-you-granted =
    🎉 Anda sekarang { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    } di layanan ini.
    Alat Anda ada di tombol di bawah dan di menu perintah (tombol / atau ☰ di samping kolom ketik). Ketik /bantuan untuk melihat semua perintah.
role-you-revoked = Peran { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    } Anda sudah dicabut. Menu perintah Anda sudah disesuaikan.
error-role-already = Pengguna itu sudah punya peran { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    }.
error-role-missing = Pengguna itu tidak punya peran { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    }.

notify-vendor-approved =
    🎉 Selamat! Pendaftaran usaha { $name } sudah disetujui.
    Langkah berikutnya: daftarkan produk atau jasa yang ingin Anda jual.
notify-product-approved = 🎉 Produk "{ $name }" sudah disetujui dan siap tayang di katalog.
notify-vendor-needs-fix =
    🛠 Pendaftaran usaha { $name } perlu diperbaiki.
    Yang perlu diperbaiki:
    { $fields }
    Catatan petugas: { $why }

    Tekan tombol di bawah untuk memperbaikinya, lalu kirim ulang.
notify-product-needs-fix =
    🛠 Produk "{ $name }" perlu diperbaiki.
    Yang perlu diperbaiki:
    { $fields }
    Catatan petugas: { $why }

    Tekan tombol di bawah untuk memperbaikinya, lalu kirim ulang.
notify-vendor-rejected =
    Mohon maaf, pendaftaran usaha { $name } tidak dapat disetujui.
    Alasan: { $why }
    Jika ada pertanyaan, ketik /bantuan.
notify-product-rejected =
    Mohon maaf, produk "{ $name }" tidak dapat disetujui.
    Alasan: { $why }
notify-why-both = { $reason }. { $note }
button-fix-now = 🛠 Perbaiki sekarang
fix-intro = Ada { $count } data yang perlu diperbaiki. Kita mulai dari yang pertama.
bullet = • { $text }
role-staff =
    👥 Petugas dan perannya:
    { $lines }
role-staff-line = • { $name } ({ $user }): { $role ->
        [superadmin] superadmin
        [reviewer] verifikator
       *[mentor] pendamping
    }

staff-announce-vendor = 📥 Pendaftaran baru menunggu verifikasi: { $business } (no. { $number })
staff-announce-product = 📥 Produk baru menunggu verifikasi: { $name } dari { $business } (no. { $number })
staff-announce-products = 📥 { $count } produk baru dari { $business } menunggu verifikasi
button-open-review-card = Buka kartu verifikasi
    .whatsapp = Buka kartu
button-open-review-queue = Buka antrian
review-queue-unit = 🏛 { $unit }
role-unit = Untuk unit: { $unit }.
role-staff-whatsapp = WhatsApp { $number }
error-staff-whatsapp-unknown = Tidak ada pengguna WhatsApp dengan nomor { $number }. Tulis nomornya seperti di daftar /peran, misalnya +6281234567890.
role-staff-line-unit = • { $name } ({ $user }): { $role ->
        [superadmin] superadmin
        [reviewer] verifikator
       *[mentor] pendamping
    }, { $unit }
error-unit-unknown = Unit "{ $unit }" tidak ada di layanan ini. Tulis nama kabupaten/kota lengkap (misalnya: kota malang atau kab malang) atau kodenya (misalnya: 35.73).
error-mentor-other-unit = Pendamping itu bukan pendamping di kabupaten/kota usaha ini. Berikan dulu perannya untuk unit ini: /peran tambah <id Telegram> pendamping <kabupaten/kota>.

## Invitations to a staff role (/peran undang), opened by link on Telegram or WhatsApp.
invite-usage =
    Cara mengundang petugas:
    • /peran undang verifikator kota malang (peran dan kabupaten/kota; tanpa nama: unit Anda)
    • /peran undangan (undangan yang masih terbuka, dan menariknya)
    Peran: superadmin, verifikator, pendamping.
invite-created =
    ✉️ Undangan sebagai { $role } untuk { $unit } sudah dibuat. Berlaku sampai { $until } dan hanya bisa dipakai sekali.
    Telegram: { $telegram }
    WhatsApp: { $whatsapp }
    Berikan tautan atau kode QR ini kepada orangnya. Di WhatsApp, ia juga bisa mengirim pesan ini ke bot: { $code }
button-invitations = 📋 Undangan terbuka
invite-list =
    ✉️ Undangan yang masih terbuka:
    { $lines }
invite-line = • No. { $number }: { $role }, { $unit }, berlaku sampai { $until }
button-invite-withdraw = ✖️ Tarik no. { $number }
invite-withdrawn = ✖️ Undangan no. { $number } sudah ditarik. Tautannya tidak berlaku lagi.
invite-offer = ✉️ { $inviter } mengundang Anda menjadi { $role } untuk { $unit }. Terima peran ini?
button-invite-accept = ✅ Terima peran
button-invite-decline = Tidak, terima kasih
invite-already = Anda sudah punya peran { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    } ini. Undangan tidak dipakai.
invite-declined = Baik, undangan tidak dipakai. Tautannya masih bisa dipakai sampai kedaluwarsa.
invite-taken = ✅ Undangan no. { $number } ({ $role }, { $unit }) diterima oleh { $user } lewat { $channel ->
        [whatsapp] WhatsApp
       *[telegram] Telegram
    }.
error-invitation-invalid = Undangan ini sudah dipakai, ditarik, atau kedaluwarsa. Mintalah undangan baru kepada superadmin.
error-invitation-unknown = Undangan itu tidak ada, atau sudah dipakai, ditarik, atau kedaluwarsa.
