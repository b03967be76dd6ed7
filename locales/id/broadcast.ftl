## Siaran (/siaran): superadmin mengirim satu pesan ke semua pelaku usaha atau ke satu kelompok,
## lalu memantau pengirimannya dengan /siaran status.

broadcast-ask-segment = 📢 Siaran untuk pelaku usaha. Pesan ini mau dikirim ke siapa?
broadcast-all = 👥 Semua pelaku usaha ({ $count })
    .whatsapp = 👥 Semua ({ $count })
broadcast-by-status = Menurut status pendaftaran
    .whatsapp = Menurut status
broadcast-by-etalase = Menurut etalase
broadcast-by-kecamatan = Menurut kecamatan
broadcast-by-unit = Menurut kabupaten/kota
broadcast-ask-group = Pilih kelompoknya. Angka dalam kurung adalah jumlah pelaku usaha.
broadcast-option = { $label } ({ $count })
broadcast-nobody = Belum ada pelaku usaha di kelompok ini.
broadcast-ask-text =
    ✍️ Silakan ketik pesan untuk { $count } pelaku usaha ({ $segment }).
    Pesan dikirim persis seperti yang Anda ketik, dengan judul "Pengumuman dari { $bureau }".
broadcast-text-too-long = Pesannya terlalu panjang ({ $length } karakter). Maksimal { $limit } karakter.
broadcast-use-text = Mohon ketik isi pesannya sebagai teks biasa.
broadcast-preview = 👀 Pratinjau: begini pesan yang akan diterima pelaku usaha.
broadcast-confirm = Kirim ke { $count } pelaku usaha ({ $segment }) sekarang? Kalau ingin mengganti isinya, ketik saja pesan yang baru.
broadcast-queued = ✅ Siaran sudah masuk antrean untuk { $count } pelaku usaha dan dikirim bertahap supaya tidak dibatasi Telegram. Cek kemajuannya dengan /siaran status.
broadcast-cancelled = Siaran dibatalkan. Tidak ada pesan yang dikirim.
broadcast-help = Siaran mengirim satu pesan ke banyak pelaku usaha sekaligus, lewat aplikasi yang terakhir mereka pakai (Telegram atau WhatsApp). Pilih penerimanya, ketik pesannya, periksa pratinjaunya, lalu tekan "Kirim sekarang". Ketik /batal untuk berhenti.
broadcast-message =
    📢 Pengumuman dari { $bureau }

    { $text }
broadcast-progress = 📢 Siaran terakhir ({ $date }, untuk { $segment }): terkirim { $sent } dari { $total }.
broadcast-progress-waiting = ⏳ Masih dalam antrean: { $count }
broadcast-progress-failed = ❌ Gagal terkirim: { $count } (misalnya karena bot diblokir atau nomornya tidak aktif)
broadcast-progress-unknown = ❔ Belum pasti: { $count }. Koneksi terputus saat pesan ini dikirim, jadi mungkin sudah sampai. Supaya tidak ada yang menerima dua kali, pesan ini tidak dikirim ulang otomatis.
broadcast-progress-none = Anda belum pernah mengirim siaran. Mulai dengan /siaran.
broadcast-segment-all = semua pelaku usaha
broadcast-segment-status = status { $value }
broadcast-segment-etalase = etalase { $value }
broadcast-segment-kecamatan = Kecamatan { $value }
broadcast-segment-unit = { $value }
button-broadcast-send = 📢 Kirim sekarang
button-broadcast-edit = ✏️ Ganti pesan
button-broadcast-cancel = ✖️ Batal
