## Data pribadi: NIK dan NPWP disamarkan untuk petugas; membukanya tercatat.

button-reveal-nik = 👁 Tampilkan NIK
button-reveal-npwp = 👁 Tampilkan NPWP
security-revealed = 🔓 { $field } ditampilkan lengkap. Akses ini tercatat di riwayat pengajuan.
security-reveals =
    🔓 Data pribadi yang pernah ditampilkan:
    { $lines }
security-reveal-line = • { $when }: { $field } dilihat oleh { $by }
