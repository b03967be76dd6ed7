## Hak atas data pribadi (UU No. 27 Tahun 2022): /datasaya, /hapusdata, /tarikpersetujuan.
## Juga batas kecepatan pesan.

command-datasaya = Lihat data pribadi saya
command-hapusdata = Hapus data pribadi saya

rights-data-title = 🔐 Berikut semua data pribadi Anda yang kami simpan.
rights-data-registration =
    📝 Pendaftaran usaha ({ $status }):
    { $lines }
rights-data-no-registration = 📝 Pendaftaran usaha: belum ada.
rights-data-consents =
    ✅ Persetujuan pemberitahuan privasi:
    { $lines }
rights-data-no-consents = ✅ Persetujuan pemberitahuan privasi: belum pernah diberikan.
rights-consent-active = • Versi { $version }, diberikan { $date } lewat { $channel } (masih berlaku)
rights-consent-withdrawn = • Versi { $version }, diberikan { $date } lewat { $channel } (ditarik { $withdrawn })
rights-data-accounts =
    💬 Akun chat Anda:
    { $lines }
rights-account = • { $channel }: { $id }
rights-account-phone = • { $channel }: { $id } (nomor terverifikasi { $phone })
rights-channel =
    { $channel ->
        [telegram] Telegram
        [whatsapp] WhatsApp
        [console] Konsol
       *[other] { $channel }
    }
rights-data-products =
    🛍 Produk ({ $count }):
    { $lines }
rights-data-no-products = 🛍 Produk: belum ada.
rights-product = • { $name } · { $status }
rights-more = • … dan { $count } lainnya (lengkapnya ada di file)
rights-data-history = 📜 Riwayat status: { $count } catatan (lengkapnya ada di file).
rights-data-file =
    📎 Salinan lengkap semua data ini ada di file JSON terlampir. Mohon simpan baik-baik, karena isinya data pribadi.

    Anda berhak memperbaiki data (lewat /daftar), meminta data dihapus, atau menarik persetujuan kapan saja. Ada pertanyaan? Hubungi { $contact }.

rights-erase-confirm =
    ⚠️ Yakin ingin menghapus semua data pribadi Anda?

    Yang akan dihapus: data pendaftaran usaha, semua produk beserta fotonya, catatan persetujuan, dan akun chat yang tersambung. Pendaftaran yang sedang diperiksa atau sudah disetujui juga ikut terhapus. Penghapusan ini tidak bisa dibatalkan.

    Yang tetap kami simpan hanya catatan tanpa identitas untuk keperluan audit, misalnya riwayat perubahan status tanpa nama dan tanpa isi catatan.
button-erase-confirm = 🗑 Ya, hapus semua data saya
    .whatsapp = 🗑 Ya, hapus semua
button-erase-keep = Batal, jangan dihapus
    .whatsapp = Batal, jangan hapus
rights-erase-kept = Baik, data Anda tidak kami hapus.
rights-erased =
    ✅ Data pribadi Anda sudah kami hapus.

    Terima kasih sudah menggunakan layanan { $bureau }. Jika suatu saat ingin mendaftar lagi, cukup kirim /start.
rights-erase-staff = Mohon maaf, akun petugas dan pendamping tidak bisa dihapus lewat chat. Silakan hubungi admin { $bureau }.

rights-withdrawn =
    ✋ Persetujuan Anda sudah kami tarik. Mulai sekarang kami tidak menyimpan jawaban baru dari Anda.

    Data yang sudah tersimpan tetap ada sampai Anda memintanya dihapus (/hapusdata). Jika ingin melanjutkan pendaftaran, tekan "Setujui lagi".
rights-no-consent = Saat ini Anda tidak sedang memberikan persetujuan, jadi tidak ada yang perlu ditarik.
rights-consent-again = Anda sudah menarik persetujuan, jadi jawaban tadi tidak kami simpan. Untuk melanjutkan, mohon setujui lagi pemberitahuan privasi berikut.
button-erase = 🗑 Hapus data saya
button-withdraw = ✋ Tarik persetujuan
button-consent-again = ✅ Setujui lagi

flood-slow-down = Mohon maaf, pesan Anda masuk terlalu cepat. 🙏 Pesan yang dikirim dalam beberapa detik ini tidak kami proses. Tunggu sekitar { $seconds } detik, lalu kirim lagi pesan terakhir Anda.
