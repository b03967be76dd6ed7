## Vendor registration flow.

privacy-notice =
    🔒 Before we start, please read this privacy notice (under Law No. 27 of 2022 on Personal Data Protection, UU PDP).

    The data we ask for: the owner's name and NIK, mobile number, business name and address, NIB, KBLI, NPWP (if any), estimated turnover or capital, and email (if any).

    Why: to check your business and register it as a provider in the { $bureau } e-catalogue.

    Who sees it: only { $bureau } staff and the UMKM assistants assigned to you. Your data is never sold or shared with anyone else.

    How long we keep it: as long as you are registered as a provider, and at most { $years } years after that.

    Your rights: you can see, correct or ask us to delete your data at any time through { $contact }. You can also withdraw this consent.

    Do you agree?
privacy-notice-units = Your business data is reviewed by the BPBJ (procurement unit) of the kabupaten/kota where your business is, together with { $bureau }.
button-consent-agree = ✅ I agree
button-consent-decline = I do not agree
consent-thanks = Thank you. We have recorded your consent. Let's begin! 🙌
consent-declined =
    All right, we have not stored any of your data.
    If you change your mind, press the button below or type /daftar at any time.

ask-owner-name =
    What is the business owner's full name, as written on the KTP (ID card)?
    Example: Siti Aminah
ask-nik =
    What is the business owner's NIK? The NIK is the 16-digit number on the KTP.
    Example: 3579014101850001
ask-phone =
    Which mobile (WhatsApp) number can we reach you on?
    Press the "📱 Send my number" button below, or type the number.
    Example: 0812 3456 7890
phone-saved = Number { $phone } is saved. 👍
ask-business-name =
    What is the name of your business?
    Example: Keripik Apel Bu Siti
ask-nib =
    What is your business's NIB (Nomor Induk Berusaha, business ID number)? It has 13 digits and is on the NIB sheet from OSS.
    Example: 9120001234567

    No NIB yet? Press "No NIB yet".
button-no-nib = No NIB yet
nib-how-to-get =
    That's fine, you can still continue registering. But you need an NIB before your products can appear in the catalogue.

    How to get an NIB (free):
    1. Open oss.go.id on your phone or computer and create an account with your NIK and email.
    2. Choose "Perizinan Berusaha" (business licensing), fill in your business details and pick the right KBLI.
    3. Your NIB is issued right away and you can download it.
    Need help? Visit the nearest Mal Pelayanan Publik (public service centre) or Dinas Koperasi dan UMKM (cooperatives and small business office).
ask-kbli =
    What is your business's KBLI code? The KBLI is the 5-digit code listed on your NIB sheet.
    If there is more than one, separate them with commas.
    Example: 10792, 47211
ask-kbli-optional =
    If you already know your business's KBLI code (5 digits), please type it. If not, press "Skip".
    Example: 10792
ask-npwp =
    What is the NPWP (tax number) of the business or the owner? You can use the 16-digit NPWP, the old 15-digit NPWP, or the NIK (since 2024 the NIK also works as the NPWP).
    Example: 01.234.567.8-901.000

    This is optional. Press "Skip" if you do not have one yet.
button-npwp-is-nik = My NPWP = my NIK
ask-npwp-is-nik = Your NPWP is the same as your NIK: { $nik }. We store it as your NPWP. Is that right?
error-npwp-nik-missing = Your NIK has not been given yet, so it cannot be used as the NPWP. Type your NPWP, or choose "Skip" and give your NIK first.
ask-scale-turnover =
    Roughly how much does your business sell in a year (turnover)? An estimate is fine.
    Example: 300 juta (300 million), or 25 juta per bulan (25 million a month)
ask-scale-capital =
    How much capital does your business have, not counting land and buildings?
    Example: 50 juta (50 million)
button-scale-use-capital = I'll give my capital instead
    .whatsapp = Use capital instead
button-scale-use-turnover = I'll give my turnover instead
    .whatsapp = Use turnover instead
ask-scale-confirm = { $basis ->
        [capital] With business capital of about { $amount }, your business is a { $scale }. Is that right?
       *[turnover] With turnover of about { $amount } a year{ $given }, your business is a { $scale }. Is that right?
    }
scale-given = {" "}({ $amount } { $period ->
        [day] a day × 360
        [week] a week × 52
       *[month] a month × 12
    })
scale-name = { $scale ->
        [mikro] micro business
        [kecil] small business
        [menengah] medium business
       *[besar] large business
    }
scale-above-umkm = Note: your business is above the limit for medium businesses. This catalogue is mainly for UMKM (micro, small and medium businesses), but you can still continue registering.
ask-etalase = What is your main line of business? Choose the etalase (catalogue category) that fits best:
warning-kbli-mismatch =
    ⚠️ Please note: KBLI { $codes } does not match the etalase (catalogue category) "{ $etalase }".
    A mismatch between KBLI and etalase is a common reason for registrations to be rejected. Check the KBLI on your NIB again, or choose another etalase from the summary later.
ask-kecamatan = In which kecamatan (district) of { $region } is your business? Choose below, or type its name.
ask-kecamatan-typed = In which kecamatan (district) of { $region } is your business? Type its name, for example: kec. Singosari.
ask-kelurahan = In which desa/kelurahan (village) of Kecamatan { $kecamatan }? Choose below, or type its name.
ask-kelurahan-typed = In which desa/kelurahan (village) of Kecamatan { $kecamatan }? Type its name, for example: ds. Punten.
ask-regency = In which kabupaten/kota (regency/city) is your business? Choose below, or type its name.
ask-regency-typed = In which kabupaten/kota (regency/city) is your business? Type its name, for example: kab. Malang or kota Surabaya.
place-noted = 📍 { $place }.
button-change-regency = 🔄 Another kabupaten/kota
label-place-in = { $name } (Kec. { $kecamatan })
label-place-in-regency = { $name }, { $region }
error-place-choose = Which one do you mean? Choose below, or type the name again.
error-regency-unknown = We could not find that kabupaten/kota in this service area. Check the spelling and type it again, for example: kab. Malang.
error-kecamatan-unknown = We could not find that kecamatan in { $region }. Check the spelling and type it again.
error-kelurahan-unknown = We could not find that desa/kelurahan in Kecamatan { $kecamatan }. Check the spelling and type it again.
ask-address =
    Write the full business address: street name, number, RT/RW.
    Example: Jl. Diponegoro No. 12, RT 02/RW 05
ask-email =
    What is your business email address? This is optional; press "Skip" if you do not have one.
    Example: keripikapel@gmail.com

help-owner-name = Write the owner's name exactly as on the KTP, including any titles. We match this name with the NIB data.
help-nik = The NIK is at the top of the KTP: 16 digits. You may type it with spaces or dots. We use it only to verify your registration.
help-phone = { $bureau } staff will use this number to contact you. Press "📱 Send my number" to avoid typos, or type an active mobile number (starting with 08 or +62).
help-business-name = Write the business name your customers know, or the one on your NIB.
help-nib = The NIB is on the "Nomor Induk Berusaha" sheet from OSS (oss.go.id): 13 digits. If you do not have one yet, press "No NIB yet" and we will explain how to get it.
help-kbli = The KBLI code (5 digits) is on your NIB sheet, in the list of business activities. If your business has several KBLI codes, write them all, separated by commas.
help-npwp = The NPWP is on your NPWP card. The old 15-digit NPWP still works. Under PMK 112/PMK.03/2022 a resident individual's NIK is their NPWP: if you have no other NPWP, type "same as NIK" or press "My NPWP = my NIK". If you do not have one yet, press "Skip".
help-npwp-confirm = Under PMK 112/PMK.03/2022 a resident individual's NIK is their NPWP. If your NPWP is another number (a company's NPWP, say), choose "Change answer" and type it.
help-scale = Turnover is the total of your sales. If it is easier to count per month or per day, write for example "20 juta per bulan" (20 million a month) or "700 ribu per hari" (700 thousand a day); we will work out the yearly figure. If you know your business capital better, press "I'll give my capital instead".
help-scale-confirm = Business size follows Government Regulation (PP) No. 7 of 2021: micro businesses have up to Rp2 billion turnover a year, small businesses up to Rp15 billion, medium businesses up to Rp50 billion.
help-etalase = An etalase is the catalogue category where your products are displayed. Choose the one that best fits your main business; you can register other products later.
help-kecamatan = Choose or type the kecamatan (district) where your business operates ("kec." is not needed, small typos are fine). If you cannot find it, contact { $contact }.
help-kelurahan = Choose or type the desa or kelurahan (village) where your business operates ("desa" or "kel." is not needed).
help-address = Write an address our staff can visit, including RT/RW if there is one.
help-email = Your email is used for your e-catalogue account. If you do not have one, press "Skip".
help-summary = Please check all the data. Press an item to change it. If everything is correct, press "Send for verification".

field-owner-name = Owner's name
field-nik = NIK
field-phone = Mobile number
field-business-name = Business name
field-nib = NIB
field-kbli = KBLI
field-npwp = NPWP
field-scale = Turnover/capital
field-etalase = Etalase (category)
field-kecamatan = Kecamatan
field-kelurahan = Desa/kelurahan
field-address = Address
field-email = Email
step-summary = registration summary
step-consent = privacy consent

value-no-nib = none yet
value-none = none
value-missing = — not filled in yet
value-scale = { $scale } ({ $basis ->
        [capital] capital
       *[turnover] annual turnover
    } { $amount })

summary-title = 📄 Registration summary
summary-lines = { $lines }
summary-line = • { $label }: { $value }
summary-warning-kbli = ⚠️ KBLI { $codes } does not match the chosen etalase (catalogue category). Please check it again so your registration is not rejected.
summary-warning-no-nib = ⚠️ No NIB yet. You can send the registration, but you need an NIB before your products appear in the catalogue.
summary-hint = Press an item you want to change. If everything is correct, send it for verification.
button-submit = ✅ Send for verification
    .whatsapp = ✅ Send
button-complete = ✏️ Items still to fill in: { $count }
    .whatsapp = ✏️ Complete ({ $count })
button-save-later = 💾 Save, continue later
    .whatsapp = 💾 Continue later

registration-paused =
    💾 Saved. { $answered } of { $total } items filled in.
    Continue any time with /daftar or the button below.
registration-submitted =
    🎉 Thank you! Your registration has been sent to { $bureau } for verification.
    We will tell you the result in this chat. Check any time with /status.

error-phone-not-own = Please send your own number with the "📱 Send my number" button, or type your mobile number.
error-kbli-required = KBLI is required if you already have an NIB. Look at your NIB sheet. Example: 10792
error-registration-incomplete = Required items not filled in yet: { $count }.
error-registration-locked = Your registration is being checked or is already finished, so it cannot be changed now.
help-consent = We need this consent to keep your registration data. Without it, nothing is stored. Questions about your personal data? Contact { $contact }.

## Reading typed answers in the registration.

owner-name-saved = We saved the owner's name as: { $name }. If anything is wrong, press ⬅️ Back.
npwp-old-form = A 15-digit NPWP is the old format. We store it in the new 16-digit format, with a 0 in front: { $npwp }.
consent-ask-short = Please answer the privacy notice above first. Do you agree? Type "agree" or press a button below.
button-consent-notice = 📄 Read the privacy notice
    .whatsapp = 📄 Privacy notice

## Requests for fixes: the asked fields still unchanged.

summary-bullet = • { $text }
summary-warning-fixes = ⚠️ The staff asked you to fix these, and they are not changed yet:
    { $fields }
error-fixes-unchanged = { $count } item(s) the staff asked you to fix are not changed yet.
