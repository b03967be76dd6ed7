## WhatsApp only: list messages (WhatsApp shows at most 10 choices per list).

# The button that opens a list of choices, and the list's heading (at most 20 characters).
whatsapp-choices = Lihat pilihan
# Text of the second and later lists when there are more than 10 choices.
whatsapp-more-choices = Pilihan lainnya ({ $current } dari { $total }):

## WhatsApp only: files over WhatsApp's limits (images 5 MB, documents 100 MB).

whatsapp-image-too-large = Gambar { $name } ({ $size } MB) terlalu besar untuk WhatsApp (paling besar { $limit } MB), jadi tidak kami kirim di sini. Silakan buka lewat Telegram atau minta kepada petugas.
whatsapp-document-too-large = Berkas { $name } ({ $size } MB) terlalu besar untuk WhatsApp (paling besar { $limit } MB), jadi tidak kami kirim di sini. Silakan buka lewat Telegram atau minta kepada petugas.
whatsapp-file-failed = Maaf, berkas { $name } gagal terkirim lewat WhatsApp. Silakan minta lagi sebentar lagi.
