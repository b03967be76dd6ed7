## Validation errors for the vendor registration answers (models/validators).

error-person-name = Nama belum bisa kami terima. Tulis nama lengkap sesuai KTP, hanya huruf dan tanpa angka. Contoh: Siti Aminah
error-nik-length = NIK harus 16 angka, sedangkan yang Anda kirim berisi { $count } angka. Contoh: 3579014101850001
error-nik-province = Dua angka pertama NIK tidak sesuai dengan kode provinsi mana pun. Periksa lagi NIK di KTP Anda. Contoh: 3579014101850001
error-nik-region = Angka ke-3 sampai ke-6 pada NIK tidak sesuai. Periksa lagi NIK di KTP Anda. Contoh: 3579014101850001
error-nik-date = Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak sesuai. Periksa lagi NIK di KTP Anda. Contoh: 3579014101850001
error-nik-serial = Empat angka terakhir NIK tidak boleh 0000. Periksa lagi NIK di KTP Anda. Contoh: 3579014101850001
error-nib = NIB harus 13 angka, sedangkan yang Anda kirim berisi { $count } angka. Contoh: 1234567890123
error-kbli-format = "{ $code }" bukan kode KBLI. Kode KBLI terdiri dari 5 angka. Contoh: 10792, 47111
error-kbli-division = Kode KBLI { $code } tidak ada di KBLI 2020. Periksa lagi daftar KBLI di lembar NIB Anda. Contoh: 10792
error-kbli-too-many = Anda menulis { $count } kode KBLI, padahal paling banyak { $limit }. Tulis KBLI yang utama saja. Contoh: 10792, 47111
error-kbli-empty = Tulis paling sedikit satu kode KBLI (5 angka). Jika lebih dari satu, pisahkan dengan koma. Contoh: 10792, 47111
error-npwp = NPWP harus 15 atau 16 angka, sedangkan yang Anda kirim berisi { $count } angka. Contoh: 01.234.567.8-901.000
error-phone-invalid = Nomor HP belum benar. Ketik nomor HP yang diawali 08 atau +62. Contoh: 081234567890
error-phone-not-indonesian = Mohon pakai nomor HP Indonesia, yang diawali 08 atau +62. Contoh: 081234567890
error-phone-not-mobile = Itu nomor telepon rumah atau kantor. Mohon kirim nomor HP yang diawali 08. Contoh: 081234567890
error-email = Alamat email belum benar. Contoh: keripikapel@gmail.com
error-business-name = Nama usaha harus 2 sampai 100 karakter dan berisi huruf atau angka. Contoh: Keripik Apel Bu Sri
error-address = Alamat belum lengkap. Tulis nama jalan, nomor, dan RT/RW dalam 10 sampai 200 karakter. Contoh: Jl. Diponegoro No. 12, RT 02/RW 05
error-money = Tulis jumlahnya dalam rupiah, dengan angka. Contoh: 15.000 atau 1,5 juta
error-money-fraction = Jumlah rupiah tidak bisa ada pecahannya. Jika maksud Anda ribuan atau jutaan, tulis satuannya. Contoh: 1,5 juta
error-money-range = { -one-number }, bukan rentang. Perkiraan tidak apa-apa. Contoh: 15 juta
error-money-period = Mohon tulis satu jangka waktu saja: per hari, per minggu, per bulan, atau per tahun. Contoh: 25 juta per bulan
error-money-ambiguous = Angka itu bisa dibaca lebih dari satu cara. Silakan pilih jumlah yang Anda maksud, atau ketik ulang dengan titik sebagai pemisah ribuan. Contoh: 15.000
error-money-too-large = Jumlah itu terlalu besar: paling banyak { $max }. Mohon periksa lagi jumlah angka nolnya. Contoh: 15.000 atau 1,5 juta

## Product listing answers.

error-product-name = Nama produk harus 3 sampai 120 huruf. Contoh: Keripik Apel Original 200 gram
error-description-short = Deskripsi terlalu singkat ({ $count } huruf). Tulis minimal { $min } huruf: bahan, ukuran, berat, kemasan, atau keunggulan produk.
error-description-long = Deskripsi terlalu panjang ({ $count } huruf). Maksimal { $max } huruf; tulis yang paling penting saja.
error-brand = Tulis merek produk dalam beberapa kata. Contoh: Apel Batu Jaya
error-unit = Tulis satuan dalam satu atau dua kata. Contoh: pcs, kg, paket
error-quantity = Tulis jumlahnya dengan angka bulat. Contoh: 10 atau 1.000
error-tkdn = Tulis persentase TKDN dengan angka 0 sampai 100. Contoh: 40 atau 40,5%
error-sni = Tulis nomor SNI atau sertifikat SPPT-SNI. Contoh: SNI 01-3553-2006
error-kbki = Kode KBKI terdiri dari 5 sampai 10 angka. Contoh: 2391510
error-lead-time = Tulis lama pengiriman dalam hari, dengan angka 0 sampai 365. Contoh: 3

## Reading typed answers (shared by every step).

-one-number = Mohon tulis satu angka saja
error-one-number = { -one-number }. Jika ada beberapa, tulis yang utama.
error-quantity-range = { -one-number }, bukan rentang. Perkiraan tidak apa-apa. Contoh: 100
error-lead-time-range = { -one-number }, bukan rentang: tulis yang paling lama. Contoh: 3
error-nik-no-number = NIK ditulis dengan 16 angka, seperti di KTP. Contoh: 3579014101850001
error-nib-no-number = NIB ditulis dengan 13 angka, seperti di lembar NIB dari OSS. Bila belum punya, pilih "Belum punya NIB". Contoh: 9120001234567
error-npwp-no-number = NPWP ditulis dengan angka (15 atau 16 angka). Bila tidak punya, pilih "Lewati". Contoh: 01.234.567.8-901.000
