## Menu, help, language, status and generic messages.

welcome =
    Selamat datang di layanan pendaftaran katalog elektronik { $bureau }! 👋

    Lewat chat ini, Bapak/Ibu pelaku UMKM bisa mendaftarkan usaha agar bisa menjual barang atau jasa ke pemerintah daerah. Isiannya bisa dicicil dan disimpan otomatis.

    Silakan pilih:
welcome-back =
    Selamat datang kembali! 😊 Pendaftaran Anda tersimpan: { $answered } dari { $total } data sudah terisi.
    Terakhir di bagian: { $step }.

    Mau lanjut sekarang?
menu-title = Apa yang bisa kami bantu?
help-general =
    ℹ️ Bantuan

    Bot ini membantu UMKM mendaftar ke katalog elektronik { $bureau }.
help-commands = { $lines }
help-line = • /{ $command }: { $text }
help-typing = Anda juga bisa mengetik biasa, misalnya "cek status" atau "mau daftar".
help-contact = { $who ->
        [vendor] Butuh bantuan? Tulis ke pendamping Anda dengan /pendamping, atau hubungi { $bureau }:
       *[staff] Pertanyaan tentang peran atau akses? Hubungi { $bureau }:
    }
    { $lines }
help-contact-email = • Email: { $contact }
help-contact-phone = • Telepon/WhatsApp: { $phone }
help-staff =
    ℹ️ Bantuan

    Perintah yang bisa Anda pakai di { $bureau }:
help-role-section =
    { $role ->
        [vendor] 🏪 Untuk usaha Anda sendiri:
        [mentor] 🤝 Sebagai pendamping:
        [reviewer] 🔎 Sebagai verifikator:
       *[superadmin] 🛡 Sebagai superadmin:
    }
    { $lines }
welcome-staff =
    { $has_name ->
        [yes] Selamat datang, { $name }! 👋
       *[no] Selamat datang! 👋
    } Anda masuk sebagai { $roles }.

    Silakan pilih:
role-name = { $role ->
        [mentor] pendamping
        [reviewer] verifikator
       *[superadmin] superadmin
    }
role-names-two = { $first } dan { $second }
role-names-three = { $first }, { $second }, dan { $third }
person-named = { $name } (ID { $id })
person-unnamed = pengguna ID { $id }
ask-language = Pilih bahasa:
language-id = 🇮🇩 Bahasa Indonesia
language-en = 🇬🇧 English
language-set = Baik, kita lanjut dalam Bahasa Indonesia.
not-understood = Maaf, kami belum paham maksud pesan Anda. 🙏
nothing-to-cancel = Tidak ada isian yang sedang berjalan.

command-start = Mulai
command-daftar = Daftar atau lanjutkan pendaftaran
command-status = Cek status pendaftaran
command-bantuan = Bantuan
command-batal = Berhenti sejenak (data tersimpan)
command-bahasa = Ganti bahasa
command-pendamping = Kirim pesan ke pendamping saya
command-binaan = UMKM binaan saya (yang perlu dibantu di atas)
command-daftarkan = Daftarkan UMKM atas nama pemiliknya
command-antrian = Antrian verifikasi, yang terlama dulu
command-cari = Cari UMKM menurut nama, NIK, NIB, atau nomor HP
command-statistik = Statistik pendaftaran dan produk
command-ekspor = Ekspor produk yang disetujui (CSV/XLSX)
command-pendamping-staff = Atur wilayah dan UMKM binaan pendamping
command-peran = Daftar petugas; beri, cabut, atau undang lewat tautan
command-siaran = Kirim pengumuman ke UMKM
button-menu-queue = 📥 Antrian verifikasi
button-menu-search = 🔎 Cari UMKM
button-menu-stats = 📊 Statistik
button-menu-export = 📤 Ekspor
button-menu-mentors = 🤝 Atur pendamping
button-menu-roles = 🛡 Petugas dan peran
button-menu-broadcast = 📣 Siaran

error-prefix = ❗ { $text }
error-unknown-command = Perintah itu tidak kami kenal.
error-stale-button = Tombol itu sudah tidak berlaku. Silakan pakai pesan terbaru.
error-unsupported = Maaf, jenis pesan ini belum bisa kami proses. Silakan ketik jawaban atau tekan tombol.
error-unsupported-voice = Maaf, pesan suara belum bisa kami dengarkan. Mohon ketik jawaban Anda, atau tekan salah satu tombol.
error-unsupported-video = Maaf, video belum bisa kami proses. Untuk foto produk, kirim sebagai foto. Silakan ketik jawaban atau tekan tombol.
error-unsupported-sticker = Terima kasih stikernya 😊 Untuk melanjutkan, silakan ketik jawaban atau tekan salah satu tombol.
error-unsupported-location = Terima kasih, tetapi lokasi dari peta belum bisa kami simpan. Mohon ketik alamatnya sebagai teks, atau tekan salah satu tombol.
error-unsupported-contacts = Kontak yang Anda kirim tidak memuat nomor telepon. Mohon ketik nomornya, atau tekan salah satu tombol.
error-use-buttons = Silakan pilih salah satu tombol di bawah.
error-media-unexpected = Untuk pertanyaan ini, mohon ketik jawabannya (bukan foto atau file).
error-contact-unexpected = Untuk pertanyaan ini, mohon ketik jawabannya (bukan kontak).
error-choice = Pilihan itu tidak tersedia. Silakan pilih dari tombol di bawah.
error-transition = Status tidak bisa diubah dari { $current } ke { $target }.

label-plain = { $text }
step-progress = Langkah { $current } dari { $total }

button-register = 📝 Daftar sekarang
button-continue-registration = ▶️ Lanjutkan pendaftaran
    .whatsapp = ▶️ Lanjut daftar
button-fix-registration = 🛠 Perbaiki data
button-main-menu = 🏠 Menu utama
button-status = 📋 Cek status
button-help = ❓ Bantuan
button-language = 🌐 Bahasa
button-back = ⬅️ Kembali
button-skip = ⏭ Lewati
button-cancel = ✖️ Berhenti dulu
button-keep = ✔️ Tetap: { $value }
    .whatsapp = ✔️ Tetap seperti ini
button-share-contact = 📱 Kirim nomor saya
button-yes-correct = ✅ Ya, benar
button-change-answer = ✏️ Ubah jawaban
button-amount = { $amount }

status-none = Anda belum mendaftar. Pendaftaran hanya butuh sekitar 10 menit dan bisa dicicil.
status-draft =
    📝 Pendaftaran belum selesai: { $answered } dari { $total } data sudah terisi.
    Berikutnya: { $next }.
status-next-submit = periksa ringkasan lalu kirim untuk diverifikasi
status-submitted =
    ⏳ Pendaftaran { $business } sedang diperiksa petugas { $bureau } sejak { $date }.
    Anda tidak perlu melakukan apa-apa dulu. Kami akan mengabari hasilnya di sini.
status-needs-fix =
    🛠 Pendaftaran Anda perlu diperbaiki.
    Catatan petugas: { $note }

    Silakan perbaiki datanya, lalu kirim ulang.
status-approved =
    🎉 Selamat! Pendaftaran { $business } sudah disetujui.
    Usaha Anda kini terdaftar sebagai penyedia di katalog elektronik.
status-rejected =
    Mohon maaf, pendaftaran Anda tidak dapat disetujui.
    Alasan: { $note }

    Jika ada pertanyaan, silakan hubungi { $contact }.
value-no-note = (tidak ada catatan)
error-internal = Maaf, terjadi gangguan di sistem kami. Data Anda aman. Silakan coba lagi sebentar lagi. 🙏
console-intro = Obrolan konsol. Ketik jawaban seperti di chat. Ketik nomor di dalam [ ] untuk menekan tombol. Kirim foto dengan /foto lokasi-file. /keluar untuk berhenti.
console-contact-hint = (Untuk mengirim nomor, ketik: /kontak 081234567890)
command-produk = Produk saya
status-products-none = Langkah berikutnya: daftarkan produk atau jasa yang ingin Anda jual ke pemerintah.
status-products =
    🛍 Produk Anda:
    { $lines }
status-products-line = • { $status }: { $count }
status-products-fix = 🛠 { $count } produk perlu diperbaiki. Buka produknya untuk melihat catatan petugas.
status-products-ready = 📤 { $count } draf produk sudah lengkap dan siap dikirim.
button-fix-product = 🛠 { $name }
console-file = 📎 File: { $path }
console-file-missing = File tidak ditemukan. Tulis: /foto lokasi/file/foto.jpg
button-link = 🔗 Sudah mulai daftar di WhatsApp/Telegram?
    .whatsapp = 🔗 Sudah mulai daftar?
link-ask = Kirim nomor HP Anda dengan tombol di bawah. Jika pendaftaran Anda sudah dimulai di WhatsApp atau Telegram dengan nomor yang sama, kita lanjutkan dari sana.
link-own-number = Mohon kirim nomor Anda sendiri dengan tombol "📱 Kirim nomor saya".
link-none = Belum ada pendaftaran dengan nomor ini. Silakan mulai pendaftaran baru.
link-conflict = Akun ini sudah punya pendaftaran sendiri, jadi tidak bisa digabung otomatis. Hubungi { $contact } untuk dibantu.
link-done = 🔗 Berhasil! Akun ini sudah tersambung dengan pendaftaran Anda.

## Typed answers at choice questions and the summary.

button-show-all-choices = 📋 Lihat semua pilihan
error-answer-needed = Data ini wajib diisi untuk melanjutkan. Perkiraan pun tidak apa-apa; tekan ❓ Bantuan bila ragu.
error-not-an-answer = Itu belum bisa kami simpan sebagai jawaban. Tulis datanya langsung, atau tekan ❓ Bantuan bila ragu.
complaint-sorry = Maaf kalau terasa merepotkan. Ini panduan singkat untuk pertanyaan ini:
error-choice-several = Ada beberapa pilihan yang mirip. Yang mana maksud Anda?
error-choice-unmatched = Kami belum menemukan pilihan yang cocok dengan jawaban Anda. Silakan pilih salah satu di bawah, atau ketik namanya.
error-summary-typed = Untuk mengubah data, pilih tombolnya atau ketik nama datanya, misalnya "alamat". Ketik "kirim" bila semua sudah benar.
