## Personal data rights (UU No. 27 Tahun 2022): /datasaya, /hapusdata, /tarikpersetujuan.
## Also the message rate limit.

command-datasaya = See my personal data
command-hapusdata = Delete my personal data

rights-data-title = 🔐 Here is all the personal data we keep about you.
rights-data-registration =
    📝 Business registration ({ $status }):
    { $lines }
rights-data-no-registration = 📝 Business registration: none yet.
rights-data-consents =
    ✅ Consent to the privacy notice:
    { $lines }
rights-data-no-consents = ✅ Consent to the privacy notice: never given.
rights-consent-active = • Version { $version }, given on { $date } via { $channel } (in effect)
rights-consent-withdrawn = • Version { $version }, given on { $date } via { $channel } (withdrawn on { $withdrawn })
rights-data-accounts =
    💬 Your chat accounts:
    { $lines }
rights-account = • { $channel }: { $id }
rights-account-phone = • { $channel }: { $id } (verified number { $phone })
rights-channel =
    { $channel ->
        [telegram] Telegram
        [whatsapp] WhatsApp
        [console] Console
       *[other] { $channel }
    }
rights-data-products =
    🛍 Products ({ $count }):
    { $lines }
rights-data-no-products = 🛍 Products: none yet.
rights-product = • { $name } · { $status }
rights-more = • … and { $count } more (all of them are in the file)
rights-data-history =
    📜 Status history: { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    } (all of them are in the file).
rights-data-file =
    📎 A complete copy of all this data is in the attached JSON file. Please keep it safe: it contains personal data.

    You may correct your data (with /daftar), ask for it to be deleted, or withdraw your consent at any time. Questions? Contact { $contact }.

rights-erase-confirm =
    ⚠️ Do you really want to delete all your personal data?

    This deletes your business registration, all your products with their photos, your consent records and the chat accounts linked to you. A registration under review or already approved is deleted too. This cannot be undone.

    We only keep records that identify nobody, for audits: for example the history of status changes, without names and without the notes.
button-erase-confirm = 🗑 Yes, delete all my data
    .whatsapp = 🗑 Yes, delete all
button-erase-keep = Cancel, keep it
rights-erase-kept = All right, your data was not deleted.
rights-erased =
    ✅ Your personal data has been deleted.

    Thank you for using the { $bureau } service. If you ever want to register again, just send /start.
rights-erase-staff = Sorry, staff and mentor accounts cannot be deleted in the chat. Please contact the { $bureau } administrator.

rights-withdrawn =
    ✋ Your consent has been withdrawn. From now on we do not store any new answers from you.

    The data already stored stays until you ask for it to be deleted (/hapusdata). To continue your registration, press "Consent again".
rights-no-consent = You have no consent in effect at the moment, so there is nothing to withdraw.
rights-consent-again = You withdrew your consent, so we did not store that answer. To continue, please agree to the privacy notice below again.
button-erase = 🗑 Delete my data
button-withdraw = ✋ Withdraw consent
button-consent-again = ✅ Consent again

flood-slow-down = Sorry, your messages are arriving too fast. 🙏 We are not processing the messages sent in these few seconds. Please wait about { $seconds } seconds, then send your last message again.
