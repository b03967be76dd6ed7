## Personal data: NIK and NPWP are masked for staff; showing them in full is recorded.

button-reveal-nik = 👁 Show NIK
button-reveal-npwp = 👁 Show NPWP
security-revealed = 🔓 Full { $field } shown. This access is recorded in the submission's history.
security-reveals =
    🔓 Personal data shown in full:
    { $lines }
security-reveal-line = • { $when }: { $field } seen by { $by }
