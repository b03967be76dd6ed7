## Mentors (pendamping): vendors they accompany, registration on a vendor's behalf, messages,
## reminders.

mentor-none-yet = No businesses to accompany yet. You can register a business yourself, for example at an outreach event.
button-proxy-register = 📝 Register a business
button-my-vendors = 👥 My businesses
mentor-list-title = 👥 Your businesses: { $total }, { $stuck } need help (page { $page } of { $pages }). Those who need help most come first.
mentor-entry = { $stuck ->
        [yes] ⚠️
       *[no] •
    } { $name } · { $answered }/{ $total } items · { $days } days · { $status }
mentor-unnamed = (no name yet)
mentor-vendor-missing = That business is not on your list.
mentor-vendor-card =
    🏪 { $name }
    Owner: { $owner }
    Phone: { $phone }
    Status: { $status }
    Completeness: { $answered } of { $total } items
    Last at: { $step }
    Idle for: { $days } days
button-message-vendor = 💬 Send a message
proxy-intro = 📝 You are registering a business on its owner's behalf. Make sure the owner is with you and agrees to their data being recorded. When you finish, the owner gets a link to check, approve and send the registration.
proxy-closed = That draft was taken over by its owner or can no longer be changed.
proxy-paused = 💾 Draft saved. Continue any time from "My businesses".
button-proxy-link = 🔗 Make a link for the owner
    .whatsapp = 🔗 Make a link
proxy-link =
    🔗 Registration link for { $name }:
    { $link }

    Give this link or QR code to the business owner. On WhatsApp, the owner can send this message to the bot: { $code }
    The link works once and is valid for { $hours } hours.
claim-intro = 👋 A small business mentor has filled in your business registration. After you accept the privacy notice below, you can check it, fix anything, and send it.
claim-done = ✅ The registration is now yours. Check the data; press an item to change it, then send it for verification.
error-claim-invalid = This link was already used or has expired. Ask your mentor for a new link.
error-claim-has-registration = This account already has its own registration. Contact your mentor for help.

status-mentor = 🤝 Your mentor: { $name }. Questions? Send a message with the button below.
button-contact-mentor = 💬 Contact my mentor
button-reply = ↩️ Reply
relay-no-mentor = You do not have a mentor yet. For help, type /bantuan.
relay-ask-to-mentor = Write a message for your mentor ({ $name }). Your phone number is not shared.
relay-ask-to-vendor = Write a message for { $name }. Your phone number is not shared.
relay-cancelled = The message was not sent.
relay-text-only = For now, messages to a mentor can only be text.
relay-from-mentor =
    💬 Message from your mentor, { $name }:
    { $text }
relay-from-vendor =
    💬 Message from { $name }:
    { $text }
relay-sent = ✅ Message sent.
relay-unreachable = The message cannot be sent yet because the recipient has never used this bot.

mentor-digest =
    📋 Daily summary: { $count } of your businesses need help.
    { $lines }
reminder-draft = 👋 Hello! Your business registration is not finished ({ $answered } of { $total } items). Continue any time; everything you entered is saved.
reminder-needs-fix = 👋 Hello! The registration of { $name } is still waiting for your fixes. Fix it now so it can be approved soon.
button-reminders-off = 🔕 Stop reminding me
reminders-stopped = 🔕 All right, we will not send reminders any more. You can still continue any time with /daftar.

mentor-staff-usage =
    How to use /pendamping:
    • /pendamping wilayah <mentor's Telegram id> <kecamatan name>
    • /pendamping tugaskan <mentor's Telegram id> <registration number>
mentor-unknown-kecamatan = There is no kecamatan "{ $name }" in the region list.
mentor-area-set = ✅ Mentor { $user } now accompanies businesses in Kecamatan { $kecamatan }.
mentor-assigned = ✅ Mentor { $user } now accompanies { $name }.
error-not-a-mentor = That user does not have the mentor role yet. Give it first with /peran tambah <id> pendamping.

## Filling in a registration on the owner's behalf: the questions about the owner, not to them.
proxy-ask-business-name =
    What is the name of the business you are helping?
    Example: Keripik Apel Bu Siti
proxy-ask-nib =
    What is this business's NIB (Nomor Induk Berusaha, business ID number)? It has 13 digits and is on the owner's NIB sheet from OSS.
    Example: 9120001234567

    The owner has no NIB yet? Press "No NIB yet".
proxy-ask-kbli =
    What is this business's KBLI code? The KBLI is the 5-digit code listed on the owner's NIB sheet.
    If there is more than one, separate them with commas.
    Example: 10792, 47211
proxy-ask-kbli-optional =
    If this business's KBLI code (5 digits) is known, please type it. If not, press "Skip".
    Example: 10792
proxy-ask-phone =
    Which mobile (WhatsApp) number can the owner be reached on? Type the number.
    Example: 0812 3456 7890
proxy-ask-scale-turnover =
    Roughly how much does this business sell in a year (turnover)? The owner's estimate is fine.
    Example: 300 juta (300 million), or 25 juta per bulan (25 million a month)
proxy-ask-scale-capital =
    How much capital does this business have, not counting land and buildings?
    Example: 50 juta (50 million)
proxy-ask-scale-confirm = { $basis ->
        [capital] With business capital of about { $amount }, this business is a { $scale }. Is that right?
       *[turnover] With turnover of about { $amount } a year{ $given }, this business is a { $scale }. Is that right?
    }
proxy-ask-etalase = What is this business's main line of business? Choose the etalase (catalogue category) that fits best:
proxy-ask-kecamatan = In which kecamatan (district) of { $region } is this business?
proxy-ask-email =
    What is this business's email address? This is optional; press "Skip" if there is none.
    Example: keripikapel@gmail.com
proxy-help-phone = { $bureau } staff will use this number to contact the owner. Type the owner's active mobile number (starting with 08 or +62), not your own.
proxy-help-kbli = The KBLI code (5 digits) is on the owner's NIB sheet, in the list of business activities. If the business has several KBLI codes, write them all, separated by commas.
proxy-help-etalase = An etalase is the catalogue category where this business's products are displayed. Choose the one that best fits its main business; other products can be registered later.
proxy-help-kecamatan = Choose the kecamatan (district) where this business operates. If it is not in the list, contact { $contact }.
proxy-help-kelurahan = Choose the desa or kelurahan (village) where this business operates.
proxy-nib-how-to-get =
    That's fine, the registration can continue. But an NIB is needed before this business's products can appear in the catalogue.

    How to get an NIB (free), together with the owner:
    1. Open oss.go.id and create an account with the owner's NIK and email.
    2. Choose "Perizinan Berusaha" (business licensing), fill in the business details and pick the right KBLI.
    3. The NIB is issued right away and can be downloaded.
proxy-scale-above-umkm = Note: this business is above the limit for medium businesses. This catalogue is mainly for UMKM, but the registration can continue.
proxy-warning-kbli-mismatch =
    ⚠️ Please note: KBLI { $codes } does not match the etalase (catalogue category) "{ $etalase }".
    A mismatch between KBLI and etalase is a common reason for registrations to be rejected. Check the KBLI on the owner's NIB again, or choose another etalase from the summary later.
proxy-button-npwp-is-nik = NPWP = owner's NIK
proxy-ask-npwp-is-nik = The owner's NPWP is the same as their NIK: { $nik }. We store it as the NPWP. Is that right?
proxy-help-npwp = The NPWP is on the owner's NPWP card. The old 15-digit NPWP still works. Under PMK 112/PMK.03/2022 a resident individual's NIK is their NPWP: if the owner has no other NPWP, type "same as NIK" or press "NPWP = owner's NIK". If they have none yet, press "Skip".
proxy-help-npwp-confirm = Under PMK 112/PMK.03/2022 a resident individual's NIK is their NPWP. If the owner's NPWP is another number (a company's NPWP, say), choose "Change answer" and type it.
proxy-error-npwp-nik-missing = The owner's NIK has not been given yet, so it cannot be used as the NPWP. Type the owner's NPWP, or choose "Skip" and give the NIK first.
proxy-button-scale-use-capital = Give capital instead
proxy-button-scale-use-turnover = Give turnover instead
proxy-error-own-contact = That is your own number. Please type the business owner's mobile number.

## Drafts a mentor fills in, the vendor's progress, messages that cannot be sent yet.
mentor-drafts-note = ✏️ { $count } drafts you are filling in have not been handed to their owners yet. Press a draft to continue it, send the link, or delete it.
mentor-draft-entry = ✏️ { $name } · draft { $answered }/{ $total } · { $days } days
mentor-draft-card =
    ✏️ Draft registration: { $name }
    Owner: { $owner }
    Completed: { $answered } of { $total } items
    Inactive for: { $days } days
    { $linked ->
        [yes] A link for the owner was made but has not been used yet.
       *[no] There is no link for the owner yet.
    }
button-proxy-continue = ▶️ Continue filling in
button-proxy-relink = 🔗 Send the link again
button-proxy-delete = 🗑 Delete draft
button-proxy-delete-yes = 🗑 Yes, delete the draft
proxy-delete-confirm = Delete the draft of { $name }? Everything filled in will be lost and its link will stop working.
proxy-deleted = 🗑 The draft has been deleted.
proxy-offer-drafts = You still have { $count } unfinished draft registrations. Continue one of them, or start a new registration?
button-proxy-new = ➕ Start a new registration
    .whatsapp = ➕ New registration
welcome-back-proxy = Welcome back! The draft registration you are filling in is saved. Continue now?
relay-not-claimed = { $name } cannot be sent messages yet: the owner has not taken over this draft. Give the owner the link first; once it is used, you can message each other.
button-open-draft = ✏️ Open the draft
relay-kept =
    Your message is not lost; here it is to copy:
    { $text }
mentor-notice = { $event ->
        [claimed] ✅ { $name } has taken over their draft registration. The owner can now check and submit it.
        [submitted] 📤 { $name } has submitted their registration for review.
        [needs_fix] 🛠 Staff asked { $name } to fix their registration. The owner may need your help.
        [approved] 🎉 The registration of { $name } has been approved.
       *[rejected] The registration of { $name } was not approved. The owner may need you to explain.
    }
mentor-product-notice = { $event ->
        [needs_fix] 🛠 Staff asked { $name } to fix the product "{ $product }". The owner may need your help.
        [approved] 🎉 The product "{ $product }" of { $name } has been approved.
       *[rejected] The product "{ $product }" of { $name } was not approved. The owner may need you to explain.
    }
mentor-vendor-moved = 📍 { $name } is now in { $place }, outside your unit, so a mentor there takes over. Thank you for your help.
proxy-error-other-unit = { $place } is outside your unit, so its registration is helped by a mentor there. Choose a kabupaten/kota of your unit, or ask the owner to register themselves.
button-open-vendor = 👤 { $name }
proxy-summary-hint = Press an item you want to change. If everything is correct, make the link for the owner: the owner checks, agrees and submits it themselves.
proxy-help-summary = Check all the data with the owner. Press an item to change it. If everything is correct, press "Make a link for the owner" and give the owner the link or its QR code.
proxy-error-nik-province = The first two digits of the NIK are not a province code. Please check the NIK on the owner's KTP. Example: 3579014101850001
proxy-error-nik-region = Digits 3 to 6 of the NIK are not right. Please check the NIK on the owner's KTP. Example: 3579014101850001
proxy-error-nik-date = The date of birth inside the NIK (digits 7 to 12) is not right. Please check the NIK on the owner's KTP. Example: 3579014101850001
proxy-error-nik-serial = The last four digits of a NIK cannot be 0000. Please check the NIK on the owner's KTP. Example: 3579014101850001
proxy-error-kbli-division = KBLI code { $code } does not exist in KBLI 2020. Please check the KBLI list on the owner's NIB. Example: 10792
