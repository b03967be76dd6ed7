# A question that may not have reached the user, asked again.
reply-confirmation-again = Maaf, sepertinya pesan kami sebelumnya belum sampai. Kiriman Anda sudah kami terima:
reply-question-again = Maaf, sepertinya pesan kami sebelumnya belum sampai. Ini pertanyaannya lagi:
