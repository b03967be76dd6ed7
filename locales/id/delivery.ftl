# A question that may not have reached the user, asked again.
reply-question-again = Maaf, sepertinya pesan kami sebelumnya belum sampai. Ini pertanyaannya lagi:
