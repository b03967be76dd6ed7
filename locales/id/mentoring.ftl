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
