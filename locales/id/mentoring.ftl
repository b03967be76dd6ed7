## Mentors (pendamping): vendors they accompany, registration on a vendor's behalf, messages,
## reminders.

mentor-none-yet = Belum ada UMKM binaan. Anda bisa mendaftarkan UMKM langsung, misalnya saat acara sosialisasi.
button-proxy-register = 📝 Daftarkan UMKM
button-my-vendors = 👥 Binaan saya
mentor-list-title = 👥 Binaan Anda: { $total } UMKM, { $stuck } perlu dibantu (halaman { $page } dari { $pages }). Yang paling perlu bantuan ada di atas.
mentor-entry = { $stuck ->
        [yes] ⚠️
       *[no] •
    } { $name } · { $answered }/{ $total } data · { $days } hari · { $status }
mentor-unnamed = (belum ada nama)
mentor-vendor-missing = UMKM itu tidak ada di daftar binaan Anda.
mentor-vendor-card =
    🏪 { $name }
    Pemilik: { $owner }
    Nomor HP: { $phone }
    Status: { $status }
    Kelengkapan: { $answered } dari { $total } data
    Terakhir di bagian: { $step }
    Tanpa kegiatan: { $days } hari
button-message-vendor = 💬 Kirim pesan
proxy-intro = 📝 Anda mendaftarkan UMKM atas nama pemiliknya. Pastikan pemilik usaha ada bersama Anda dan setuju datanya dicatat. Setelah selesai, pemilik akan menerima tautan untuk memeriksa, menyetujui, dan mengirim pendaftarannya.
proxy-closed = Draf itu sudah diambil oleh pemiliknya atau tidak bisa diubah lagi.
proxy-paused = 💾 Draf tersimpan. Lanjutkan kapan saja dari "Binaan saya".
button-proxy-link = 🔗 Buat tautan untuk pemilik
    .whatsapp = 🔗 Buat tautan
proxy-link =
    🔗 Tautan pendaftaran untuk { $name }:
    { $link }

    Berikan tautan atau kode QR ini kepada pemilik usaha. Di WhatsApp, pemilik bisa mengirim pesan ini ke bot: { $code }
    Tautan hanya bisa dipakai sekali dan berlaku { $hours } jam.
claim-intro = 👋 Pendamping UMKM sudah mengisi pendaftaran usaha Anda. Setelah Anda menyetujui pemberitahuan privasi di bawah, Anda bisa memeriksa, memperbaiki, lalu mengirimnya.
claim-done = ✅ Pendaftaran sekarang milik Anda. Periksa datanya; tekan data yang ingin diubah, lalu kirim untuk diverifikasi.
error-claim-invalid = Tautan ini sudah dipakai atau sudah kedaluwarsa. Minta tautan baru kepada pendamping Anda.
error-claim-has-registration = Akun ini sudah punya pendaftaran sendiri. Hubungi pendamping Anda untuk dibantu.

status-mentor = 🤝 Pendamping Anda: { $name }. Ada pertanyaan? Kirim pesan lewat tombol di bawah.
button-contact-mentor = 💬 Hubungi pendamping
button-reply = ↩️ Balas
relay-no-mentor = Anda belum punya pendamping. Untuk bantuan, ketik /bantuan.
relay-ask-to-mentor = Tulis pesan untuk pendamping Anda ({ $name }). Nomor HP Anda tidak ikut terkirim.
relay-ask-to-vendor = Tulis pesan untuk { $name }. Nomor HP Anda tidak ikut terkirim.
relay-cancelled = Pesan tidak jadi dikirim.
relay-text-only = Untuk saat ini pesan ke pendamping hanya bisa berupa teks.
relay-from-mentor =
    💬 Pesan dari pendamping Anda, { $name }:
    { $text }
relay-from-vendor =
    💬 Pesan dari { $name }:
    { $text }
relay-sent = ✅ Pesan terkirim.
relay-unreachable = Pesan belum bisa dikirim karena penerima belum pernah memakai bot ini.

mentor-digest =
    📋 Ringkasan harian: { $count } UMKM binaan perlu dibantu.
    { $lines }
reminder-draft = 👋 Halo! Pendaftaran usaha Anda belum selesai ({ $answered } dari { $total } data). Lanjutkan kapan saja, semua isian Anda tersimpan.
reminder-needs-fix = 👋 Halo! Pendaftaran { $name } masih menunggu perbaikan dari Anda. Yuk, perbaiki sekarang agar bisa segera disetujui.
button-reminders-off = 🔕 Jangan ingatkan lagi
    .whatsapp = 🔕 Jangan ingatkan
reminders-stopped = 🔕 Baik, kami tidak akan mengirim pengingat lagi. Anda tetap bisa melanjutkan kapan saja dengan /daftar.

mentor-staff-usage =
    Cara memakai /pendamping:
    • /pendamping wilayah <id Telegram pendamping> <nama kecamatan>
    • /pendamping tugaskan <id Telegram pendamping> <nomor pendaftaran>
mentor-unknown-kecamatan = Kecamatan "{ $name }" tidak ada di daftar wilayah.
mentor-area-set = ✅ Pendamping { $user } sekarang mendampingi UMKM di Kecamatan { $kecamatan }.
mentor-assigned = ✅ Pendamping { $user } sekarang mendampingi { $name }.
error-not-a-mentor = Pengguna itu belum punya peran pendamping. Berikan dulu dengan /peran tambah <id> pendamping.

## Filling in a registration on the owner's behalf: the questions about the owner, not to them.
proxy-ask-business-name =
    Apa nama usaha yang didampingi?
    Contoh: Keripik Apel Bu Siti
proxy-ask-nib =
    Berapa NIB (Nomor Induk Berusaha) usaha yang didampingi? NIB terdiri dari 13 angka, ada di lembar NIB dari OSS.
    Contoh: 9120001234567

    Pemilik belum punya NIB? Tekan "Belum punya NIB".
proxy-ask-kbli =
    Apa kode KBLI usaha ini? KBLI adalah 5 angka yang tercantum di lembar NIB pemilik.
    Jika lebih dari satu, pisahkan dengan koma.
    Contoh: 10792, 47211
proxy-ask-kbli-optional =
    Jika kode KBLI usaha ini (5 angka) sudah diketahui, silakan ketik. Jika belum, tekan "Lewati".
    Contoh: 10792
proxy-ask-phone =
    Berapa nomor HP (WhatsApp) pemilik usaha yang bisa dihubungi? Ketik nomornya.
    Contoh: 0812 3456 7890
proxy-ask-scale-turnover =
    Berapa kira-kira omzet (hasil penjualan) usaha ini dalam setahun? Perkiraan dari pemilik saja tidak apa-apa.
    Contoh: 300 juta, atau 25 juta per bulan
proxy-ask-scale-capital =
    Berapa modal usaha ini, di luar tanah dan bangunan?
    Contoh: 50 juta
proxy-ask-scale-confirm = { $basis ->
        [capital] Dengan modal usaha sekitar { $amount }, usaha ini termasuk { $scale }. Benar?
       *[turnover] Dengan omzet sekitar { $amount } per tahun{ $given }, usaha ini termasuk { $scale }. Benar?
    }
proxy-ask-etalase = Apa bidang usaha utama UMKM ini? Pilih etalase (kategori katalog) yang paling sesuai:
proxy-ask-kecamatan = Usaha ini berada di kecamatan mana di { $region }?
proxy-ask-email =
    Apa alamat email usaha ini? Tidak wajib, tekan "Lewati" jika tidak ada.
    Contoh: keripikapel@gmail.com
proxy-help-phone = Nomor ini dipakai petugas { $bureau } untuk menghubungi pemilik usaha. Ketik nomor HP pemilik yang aktif (diawali 08 atau +62), bukan nomor Anda sendiri.
proxy-help-kbli = Kode KBLI (5 angka) tercantum di lembar NIB pemilik, di bagian daftar kegiatan usaha. Jika usahanya punya beberapa KBLI, tulis semuanya dipisah koma.
proxy-help-etalase = Etalase adalah kategori di katalog tempat produk usaha ini dipajang. Pilih yang paling sesuai dengan usaha utamanya; produk lain bisa didaftarkan nanti.
proxy-help-kecamatan = Pilih kecamatan tempat usaha ini berjalan. Jika tidak ada di daftar, hubungi { $contact }.
proxy-help-kelurahan = Pilih desa atau kelurahan tempat usaha ini berjalan.
proxy-nib-how-to-get =
    Tidak apa-apa, pendaftaran tetap bisa dilanjutkan. Tapi NIB wajib dimiliki sebelum produk usaha ini tayang di katalog.

    Cara membuat NIB (gratis), bisa dibantu bersama pemilik:
    1. Buka oss.go.id, lalu daftar akun dengan NIK dan email pemilik.
    2. Pilih "Perizinan Berusaha", isi data usaha, dan pilih KBLI yang sesuai.
    3. NIB langsung terbit dan bisa diunduh.
proxy-scale-above-umkm = Catatan: usaha ini di atas batas usaha menengah. Katalog ini diutamakan untuk UMKM, tapi pendaftaran tetap bisa dilanjutkan.
proxy-warning-kbli-mismatch =
    ⚠️ Perhatian: KBLI { $codes } tidak sesuai dengan etalase "{ $etalase }".
    Ketidaksesuaian KBLI dan etalase sering menjadi alasan pendaftaran ditolak. Periksa lagi KBLI di NIB pemilik, atau pilih etalase lain lewat ringkasan nanti.
proxy-button-npwp-is-nik = NPWP = NIK pemilik
proxy-ask-npwp-is-nik = NPWP pemilik sama dengan NIK-nya: { $nik }. Kami simpan sebagai NPWP. Benar?
proxy-help-npwp = NPWP ada di kartu NPWP pemilik. NPWP lama 15 angka tetap bisa dipakai. Menurut PMK 112/PMK.03/2022, NIK orang pribadi penduduk Indonesia adalah NPWP-nya: jika pemilik tidak punya NPWP lain, ketik "sama dengan NIK" atau tekan "NPWP = NIK pemilik". Jika belum ada, tekan "Lewati".
proxy-help-npwp-confirm = Menurut PMK 112/PMK.03/2022, NIK orang pribadi penduduk Indonesia adalah NPWP-nya. Jika NPWP pemilik nomor lain (misalnya NPWP badan usaha), pilih "Ubah jawaban" dan ketik nomornya.
proxy-error-npwp-nik-missing = NIK pemilik belum diisi, jadi belum bisa dipakai sebagai NPWP. Ketik nomor NPWP pemilik, atau pilih "Lewati" dan isi NIK dulu.
proxy-button-scale-use-capital = Isi modal saja
proxy-button-scale-use-turnover = Isi omzet saja
proxy-error-own-contact = Itu nomor Anda sendiri. Mohon ketik nomor HP pemilik usaha.

## Drafts a mentor fills in, the vendor's progress, messages that cannot be sent yet.
mentor-drafts-note = ✏️ { $count } draf yang Anda isi belum diserahkan ke pemiliknya. Tekan drafnya untuk melanjutkan, mengirim tautan, atau menghapusnya.
mentor-draft-entry = ✏️ { $name } · draf { $answered }/{ $total } · { $days } hari
mentor-draft-card =
    ✏️ Draf pendaftaran: { $name }
    Pemilik: { $owner }
    Kelengkapan: { $answered } dari { $total } data
    Tanpa kegiatan: { $days } hari
    { $linked ->
        [yes] Tautan untuk pemilik sudah dibuat, tapi belum dipakai.
       *[no] Belum ada tautan untuk pemilik.
    }
button-proxy-continue = ▶️ Lanjutkan mengisi
button-proxy-relink = 🔗 Kirim tautan lagi
button-proxy-delete = 🗑 Hapus draf
button-proxy-delete-yes = 🗑 Ya, hapus draf
proxy-delete-confirm = Hapus draf { $name }? Semua isian di draf ini akan hilang dan tautannya tidak berlaku lagi.
proxy-deleted = 🗑 Draf sudah dihapus.
proxy-offer-drafts = Anda masih punya { $count } draf pendaftaran yang belum selesai. Lanjutkan salah satunya, atau mulai pendaftaran baru?
button-proxy-new = ➕ Mulai pendaftaran baru
welcome-back-proxy = Selamat datang kembali! Draf pendaftaran yang Anda isi tersimpan. Mau lanjut sekarang?
relay-not-claimed = { $name } belum bisa dikirimi pesan karena pemiliknya belum mengambil draf ini. Berikan tautannya dulu kepada pemilik; setelah tautan dipakai, Anda bisa saling berkirim pesan.
button-open-draft = ✏️ Buka draf
relay-kept =
    Pesan Anda tidak hilang, ini isinya untuk disalin:
    { $text }
mentor-notice = { $event ->
        [claimed] ✅ { $name } sudah mengambil draf pendaftarannya. Sekarang pemilik bisa memeriksa dan mengirimnya sendiri.
        [submitted] 📤 { $name } sudah mengirim pendaftaran untuk diverifikasi.
        [needs_fix] 🛠 Pendaftaran { $name } diminta diperbaiki oleh petugas. Pemilik mungkin perlu bantuan Anda.
        [approved] 🎉 Pendaftaran { $name } sudah disetujui.
       *[rejected] Pendaftaran { $name } tidak disetujui. Pemilik mungkin perlu penjelasan dari Anda.
    }
mentor-product-notice = { $event ->
        [needs_fix] 🛠 Produk "{ $product }" dari { $name } diminta diperbaiki oleh petugas. Pemilik mungkin perlu bantuan Anda.
        [approved] 🎉 Produk "{ $product }" dari { $name } sudah disetujui.
       *[rejected] Produk "{ $product }" dari { $name } tidak disetujui. Pemilik mungkin perlu penjelasan dari Anda.
    }
mentor-vendor-moved = 📍 { $name } kini berada di { $place }, di luar unit Anda, jadi didampingi pendamping di sana. Terima kasih atas pendampingan Anda.
proxy-error-other-unit = { $place } di luar unit Anda, jadi pendaftarannya didampingi pendamping di sana. Pilih kabupaten/kota di unit Anda, atau minta pemilik mendaftar sendiri.
button-open-vendor = 👤 { $name }
proxy-summary-hint = Tekan data yang ingin diubah. Jika semua sudah benar, buat tautan untuk pemilik: pemilik memeriksa, menyetujui, lalu mengirimnya sendiri.
proxy-help-summary = Periksa semua data bersama pemilik. Tekan nama data untuk mengubahnya. Jika sudah benar, tekan "Buat tautan untuk pemilik" dan berikan tautan atau kode QR-nya kepada pemilik.
proxy-error-nik-province = Dua angka pertama NIK tidak sesuai dengan kode provinsi mana pun. Periksa lagi NIK di KTP pemilik. Contoh: 3579014101850001
proxy-error-nik-region = Angka ke-3 sampai ke-6 pada NIK tidak sesuai. Periksa lagi NIK di KTP pemilik. Contoh: 3579014101850001
proxy-error-nik-date = Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak sesuai. Periksa lagi NIK di KTP pemilik. Contoh: 3579014101850001
proxy-error-nik-serial = Empat angka terakhir NIK tidak boleh 0000. Periksa lagi NIK di KTP pemilik. Contoh: 3579014101850001
proxy-error-kbli-division = Kode KBLI { $code } tidak ada di KBLI 2020. Periksa lagi daftar KBLI di lembar NIB pemilik. Contoh: 10792
