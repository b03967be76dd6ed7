## Vendor registration flow.

privacy-notice =
    🔒 Sebelum mulai, mohon baca pemberitahuan privasi ini (sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi).

    Data yang kami minta: nama dan NIK pemilik, nomor HP, nama dan alamat usaha, NIB, KBLI, NPWP (jika ada), perkiraan omzet atau modal, dan email (jika ada).

    Untuk apa: memeriksa dan mendaftarkan usaha Anda sebagai penyedia di katalog elektronik { $bureau }.

    Siapa yang melihat: hanya petugas { $bureau } dan pendamping UMKM yang ditugaskan. Data tidak dijual atau dibagikan ke pihak lain.

    Berapa lama disimpan: selama Anda terdaftar sebagai penyedia, dan paling lama { $years } tahun setelahnya.

    Hak Anda: melihat, memperbaiki, atau meminta data dihapus kapan saja melalui { $contact }. Anda juga bisa menarik persetujuan ini.

    Apakah Anda setuju?
privacy-notice-units = Data usaha Anda diperiksa oleh BPBJ kabupaten/kota tempat usaha Anda berada, bersama { $bureau }.
button-consent-agree = ✅ Saya setuju
button-consent-decline = Tidak setuju
consent-thanks = Terima kasih. Persetujuan Anda sudah kami catat. Mari mulai! 🙌
consent-declined =
    Baik, tidak ada data Anda yang kami simpan.
    Jika berubah pikiran, tekan tombol di bawah atau ketik /daftar kapan saja.

ask-owner-name =
    Siapa nama lengkap pemilik usaha, sesuai KTP?
    Contoh: Siti Aminah
ask-nik =
    Berapa NIK pemilik usaha? NIK adalah 16 angka di KTP.
    Contoh: 3579014101850001
ask-phone =
    Berapa nomor HP (WhatsApp) yang bisa dihubungi?
    Tekan tombol "📱 Kirim nomor saya" di bawah, atau ketik nomornya.
    Contoh: 0812 3456 7890
phone-saved = Nomor { $phone } sudah tersimpan. 👍
ask-business-name =
    Apa nama usaha Anda?
    Contoh: Keripik Apel Bu Siti
ask-nib =
    Berapa NIB (Nomor Induk Berusaha) usaha Anda? NIB terdiri dari 13 angka, ada di lembar NIB dari OSS.
    Contoh: 9120001234567

    Belum punya NIB? Tekan "Belum punya NIB".
button-no-nib = Belum punya NIB
nib-how-to-get =
    Tidak apa-apa, pendaftaran tetap bisa dilanjutkan. Tapi NIB wajib dimiliki sebelum produk Anda tayang di katalog.

    Cara membuat NIB (gratis):
    1. Buka oss.go.id di HP atau komputer, lalu daftar akun dengan NIK dan email.
    2. Pilih "Perizinan Berusaha", isi data usaha, dan pilih KBLI yang sesuai.
    3. NIB langsung terbit dan bisa diunduh.
    Bingung? Datang ke Mal Pelayanan Publik atau Dinas Koperasi dan UMKM terdekat untuk dibantu.
ask-kbli =
    Apa kode KBLI usaha Anda? KBLI adalah 5 angka yang tercantum di lembar NIB.
    Jika lebih dari satu, pisahkan dengan koma.
    Contoh: 10792, 47211
ask-kbli-optional =
    Jika sudah tahu kode KBLI usaha Anda (5 angka), silakan ketik. Jika belum, tekan "Lewati".
    Contoh: 10792
ask-npwp =
    Berapa NPWP usaha atau pemilik? Boleh NPWP 16 angka, NPWP lama 15 angka, atau NIK (sejak 2024 NIK berlaku sebagai NPWP).
    Contoh: 01.234.567.8-901.000

    Tidak wajib. Tekan "Lewati" jika belum punya.
button-npwp-is-nik = NPWP saya = NIK
ask-npwp-is-nik = NPWP Anda sama dengan NIK: { $nik }. Kami simpan sebagai NPWP. Benar?
error-npwp-nik-missing = NIK Anda belum diisi, jadi belum bisa dipakai sebagai NPWP. Ketik nomor NPWP Anda, atau pilih "Lewati" dan isi NIK dulu.
ask-scale-turnover =
    Berapa kira-kira omzet (hasil penjualan) usaha Anda dalam setahun? Perkiraan saja tidak apa-apa.
    Contoh: 300 juta, atau 25 juta per bulan
ask-scale-capital =
    Berapa modal usaha Anda, di luar tanah dan bangunan?
    Contoh: 50 juta
button-scale-use-capital = Saya isi modal saja
button-scale-use-turnover = Saya isi omzet saja
ask-scale-confirm = { $basis ->
        [capital] Dengan modal usaha sekitar { $amount }, usaha Anda termasuk { $scale }. Benar?
       *[turnover] Dengan omzet sekitar { $amount } per tahun{ $given }, usaha Anda termasuk { $scale }. Benar?
    }
scale-given = {" "}({ $amount } { $period ->
        [day] sehari × 360
        [week] seminggu × 52
       *[month] sebulan × 12
    })
scale-name = { $scale ->
        [mikro] usaha mikro
        [kecil] usaha kecil
        [menengah] usaha menengah
       *[besar] usaha besar
    }
scale-above-umkm = Catatan: usaha Anda di atas batas usaha menengah. Katalog ini diutamakan untuk UMKM, tapi pendaftaran tetap bisa dilanjutkan.
ask-etalase = Apa bidang usaha utama Anda? Pilih etalase (kategori katalog) yang paling sesuai:
warning-kbli-mismatch =
    ⚠️ Perhatian: KBLI { $codes } tidak sesuai dengan etalase "{ $etalase }".
    Ketidaksesuaian KBLI dan etalase sering menjadi alasan pendaftaran ditolak. Periksa lagi KBLI di NIB Anda, atau pilih etalase lain lewat ringkasan nanti.
ask-kecamatan = Usaha Anda berada di kecamatan mana di { $region }? Pilih di bawah, atau ketik namanya.
ask-kecamatan-typed = Usaha Anda berada di kecamatan mana di { $region }? Ketik nama kecamatannya, misalnya: kec. Singosari.
ask-kelurahan = Di desa/kelurahan mana (Kecamatan { $kecamatan })? Pilih di bawah, atau ketik namanya.
ask-kelurahan-typed = Di desa/kelurahan mana (Kecamatan { $kecamatan })? Ketik nama desa atau kelurahannya, misalnya: ds. Punten.
ask-regency = Usaha Anda berada di kabupaten/kota mana? Pilih di bawah, atau ketik namanya.
ask-regency-typed = Usaha Anda berada di kabupaten/kota mana? Ketik namanya, misalnya: kab. Malang atau kota Surabaya.
place-noted = 📍 { $place }.
button-change-regency = 🔄 Ganti kabupaten/kota
label-place-in = { $name } (Kec. { $kecamatan })
label-place-in-regency = { $name }, { $region }
error-place-choose = Maksud Anda yang mana? Pilih di bawah, atau ketik lagi namanya.
error-regency-unknown = Kabupaten/kota itu tidak kami temukan di wilayah layanan ini. Periksa ejaannya lalu ketik lagi, misalnya: kab. Malang.
error-kecamatan-unknown = Kecamatan itu tidak kami temukan di { $region }. Periksa ejaannya lalu ketik lagi.
error-kelurahan-unknown = Desa/kelurahan itu tidak kami temukan di Kecamatan { $kecamatan }. Periksa ejaannya lalu ketik lagi.
ask-address =
    Tulis alamat lengkap usaha: nama jalan, nomor, RT/RW.
    Contoh: Jl. Diponegoro No. 12, RT 02/RW 05
ask-email =
    Apa alamat email usaha Anda? Tidak wajib, tekan "Lewati" jika tidak ada.
    Contoh: keripikapel@gmail.com

help-owner-name = Tulis nama pemilik persis seperti di KTP, termasuk gelar jika ada. Nama ini dicocokkan dengan data NIB.
help-nik = NIK ada di KTP, baris paling atas, 16 angka. Boleh diketik dengan spasi atau titik. Kami hanya memakainya untuk verifikasi pendaftaran.
help-phone = Nomor ini dipakai petugas { $bureau } untuk menghubungi Anda. Tekan "📱 Kirim nomor saya" agar tidak salah ketik, atau ketik nomor HP yang aktif (diawali 08 atau +62).
help-business-name = Tulis nama usaha seperti yang dikenal pembeli atau yang tertera di NIB.
help-nib = NIB ada di lembar "Nomor Induk Berusaha" dari OSS (oss.go.id), 13 angka. Jika belum punya, tekan "Belum punya NIB"; kami jelaskan cara membuatnya.
help-kbli = Kode KBLI (5 angka) tercantum di lembar NIB, di bagian daftar kegiatan usaha. Jika usaha Anda punya beberapa KBLI, tulis semuanya dipisah koma.
help-npwp = NPWP ada di kartu NPWP. NPWP lama 15 angka tetap bisa dipakai. Menurut PMK 112/PMK.03/2022, NIK orang pribadi penduduk Indonesia adalah NPWP-nya: jika Anda tidak punya NPWP lain, ketik "sama dengan NIK" atau tekan "NPWP saya = NIK". Jika belum ada, tekan "Lewati".
help-npwp-confirm = Menurut PMK 112/PMK.03/2022, NIK orang pribadi penduduk Indonesia adalah NPWP-nya. Jika NPWP Anda nomor lain (misalnya NPWP badan usaha), pilih "Ubah jawaban" dan ketik nomornya.
help-scale = Omzet adalah total hasil penjualan. Jika lebih mudah menghitung per bulan atau per hari, tulis misalnya "20 juta per bulan" atau "700 ribu per hari"; kami hitungkan per tahunnya. Jika lebih tahu modal usaha, tekan "Saya isi modal saja".
help-scale-confirm = Ukuran usaha dihitung menurut PP No. 7 Tahun 2021: usaha mikro sampai Rp2 miliar omzet per tahun, usaha kecil sampai Rp15 miliar, usaha menengah sampai Rp50 miliar.
help-etalase = Etalase adalah kategori di katalog tempat produk Anda dipajang. Pilih yang paling sesuai dengan usaha utama Anda; produk lain bisa didaftarkan nanti.
help-kecamatan = Pilih atau ketik kecamatan tempat usaha Anda berjalan (boleh tanpa "kec.", salah ketik sedikit tidak apa-apa). Jika tidak ada di daftar, hubungi { $contact }.
help-kelurahan = Pilih atau ketik desa atau kelurahan tempat usaha Anda berjalan (boleh tanpa "desa" atau "kel.").
help-address = Tulis alamat yang bisa didatangi petugas, termasuk RT/RW jika ada.
help-email = Email dipakai untuk akun katalog elektronik. Jika tidak punya, tekan "Lewati".
help-summary = Periksa semua data. Tekan nama data untuk mengubahnya. Jika sudah benar, tekan "Kirim untuk diverifikasi".

field-owner-name = Nama pemilik
field-nik = NIK
field-phone = Nomor HP
field-business-name = Nama usaha
field-nib = NIB
field-kbli = KBLI
field-npwp = NPWP
field-scale = Omzet/modal
field-etalase = Etalase
field-kecamatan = Kecamatan
field-kelurahan = Desa/kelurahan
field-address = Alamat
field-email = Email
step-summary = ringkasan pendaftaran
step-consent = persetujuan privasi

value-no-nib = belum punya
value-none = tidak ada
value-missing = — belum diisi
value-scale = { $scale } ({ $basis ->
        [capital] modal
       *[turnover] omzet per tahun
    } { $amount })

summary-title = 📄 Ringkasan pendaftaran
summary-lines = { $lines }
summary-line = • { $label }: { $value }
summary-warning-kbli = ⚠️ KBLI { $codes } tidak sesuai dengan etalase pilihan. Periksa lagi agar tidak ditolak.
summary-warning-no-nib = ⚠️ Belum ada NIB. Pendaftaran bisa dikirim, tapi NIB wajib ada sebelum produk tayang.
summary-hint = Tekan data yang ingin diubah. Jika semua sudah benar, kirim untuk diverifikasi.
button-submit = ✅ Kirim untuk diverifikasi
    .whatsapp = ✅ Kirim
button-complete = ✏️ Lengkapi { $count } data lagi
    .whatsapp = ✏️ Lengkapi ({ $count })
button-save-later = 💾 Simpan, lanjut nanti
    .whatsapp = 💾 Lanjut nanti

registration-paused =
    💾 Tersimpan. { $answered } dari { $total } data sudah terisi.
    Lanjutkan kapan saja dengan /daftar atau tombol di bawah.
registration-submitted =
    🎉 Terima kasih! Pendaftaran Anda sudah dikirim ke { $bureau } untuk diverifikasi.
    Kami akan mengabari hasilnya di chat ini. Cek kapan saja dengan /status.

error-phone-not-own = Mohon kirim nomor Anda sendiri dengan tombol "📱 Kirim nomor saya", atau ketik nomor HP Anda.
error-kbli-required = KBLI wajib diisi jika sudah punya NIB. Lihat lembar NIB Anda. Contoh: 10792
error-registration-incomplete = Masih ada { $count } data wajib yang belum diisi.
error-registration-locked = Pendaftaran Anda sedang diperiksa atau sudah selesai, jadi tidak bisa diubah sekarang.
help-consent = Persetujuan ini diperlukan agar kami boleh menyimpan data pendaftaran Anda. Tanpa persetujuan, tidak ada data yang disimpan. Ada pertanyaan tentang data pribadi? Hubungi { $contact }.

## Reading typed answers in the registration.

owner-name-saved = Nama pemilik kami simpan seperti ini: { $name }. Bila ada yang salah, pilih ⬅️ Kembali.
npwp-old-form = NPWP 15 angka adalah format lama. Kami simpan dalam format baru 16 angka, yaitu dengan angka 0 di depan: { $npwp }.
consent-ask-short = Mohon jawab dulu pemberitahuan privasi di atas. Apakah Anda setuju? Ketik "setuju" atau pilih tombol di bawah.
button-consent-notice = 📄 Baca pemberitahuan privasi
    .whatsapp = 📄 Baca pemberitahuan

## Requests for fixes: the asked fields still unchanged.

summary-bullet = • { $text }
summary-warning-fixes = ⚠️ Data yang diminta petugas untuk diperbaiki belum diubah:
    { $fields }
error-fixes-unchanged = Masih ada { $count } data yang diminta petugas untuk diperbaiki tetapi belum diubah.
