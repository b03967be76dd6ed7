## Menu, help, language, status and generic messages.

welcome =
    Welcome to the { $bureau } e-catalogue registration service! 👋

    In this chat, small business owners can register their business so they can sell goods or services to the local government. You can fill it in bit by bit; everything is saved automatically.

    Please choose:
welcome-back =
    Welcome back! 😊 Your registration is saved: { $answered } of { $total } items filled in.
    You stopped at: { $step }.

    Continue now?
menu-title = How can we help?
help-general =
    ℹ️ Help

    This bot helps small businesses register in the { $bureau } e-catalogue.
help-commands = { $lines }
help-line = • /{ $command }: { $text }
help-typing = You can also just type, for example "check status" or "register".
help-contact = { $who ->
        [vendor] Need help? Write to your mentor with /pendamping, or contact { $bureau }:
       *[staff] Questions about your role or access? Contact { $bureau }:
    }
    { $lines }
help-contact-email = • Email: { $contact }
help-contact-phone = • Phone/WhatsApp: { $phone }
help-staff =
    ℹ️ Help

    The commands you can use at { $bureau }:
help-role-section =
    { $role ->
        [vendor] 🏪 For your own business:
        [mentor] 🤝 As a mentor:
        [reviewer] 🔎 As a reviewer:
       *[superadmin] 🛡 As a superadmin:
    }
    { $lines }
welcome-staff =
    { $has_name ->
        [yes] Welcome, { $name }! 👋
       *[no] Welcome! 👋
    } You are signed in as { $roles }.

    Please choose:
role-name = { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    }
role-names-two = { $first } and { $second }
role-names-three = { $first }, { $second } and { $third }
person-named = { $name } (ID { $id })
person-unnamed = user ID { $id }
ask-language = Choose a language:
language-id = 🇮🇩 Bahasa Indonesia
language-en = 🇬🇧 English
language-set = All right, we will continue in English.
not-understood = Sorry, we did not understand your message. 🙏
nothing-to-cancel = Nothing is in progress.

command-start = Start
command-daftar = Register or continue registering
command-status = Check registration status
command-bantuan = Help
command-batal = Take a break (data is saved)
command-bahasa = Change language
command-pendamping = Message my mentor
command-binaan = My businesses (those needing help first)
command-daftarkan = Register a business on its owner's behalf
command-antrian = Review queue, oldest first
command-cari = Find a business by name, NIK, NIB or phone
command-statistik = Registration and product statistics
command-ekspor = Export approved products (CSV/XLSX)
command-pendamping-staff = Set mentors' areas and vendors
command-peran = Staff list; give, take or invite by link
command-siaran = Send an announcement to vendors
button-menu-queue = 📥 Review queue
button-menu-search = 🔎 Find a business
button-menu-stats = 📊 Statistics
button-menu-export = 📤 Export
button-menu-mentors = 🤝 Assign mentors
button-menu-roles = 🛡 Staff and roles
button-menu-broadcast = 📣 Broadcast

error-prefix = ❗ { $text }
error-unknown-command = We do not know that command.
error-stale-button = That button is no longer valid. Please use the latest message.
error-unsupported = Sorry, we cannot process this kind of message yet. Please type your answer or press a button.
error-unsupported-voice = Sorry, we cannot listen to voice messages yet. Please type your answer, or press one of the buttons.
error-unsupported-video = Sorry, we cannot process videos yet. For product photos, send a photo. Please type your answer or press a button.
error-unsupported-sticker = Thanks for the sticker 😊 To go on, please type your answer or press one of the buttons.
error-unsupported-location = Thank you, but we cannot store a map location yet. Please type the address as text, or press one of the buttons.
error-unsupported-contacts = The contact you sent has no phone number. Please type the number, or press one of the buttons.
error-use-buttons = Please choose one of the buttons below.
error-media-unexpected = For this question, please type your answer (not a photo or file).
error-contact-unexpected = For this question, please type your answer (not a contact).
error-choice = That option is not available. Please choose one of the buttons below.
error-transition = The status cannot change from { $current } to { $target }.

label-plain = { $text }
step-progress = Step { $current } of { $total }

button-register = 📝 Register now
button-continue-registration = ▶️ Continue registration
    .whatsapp = ▶️ Continue
button-fix-registration = 🛠 Fix my data
button-main-menu = 🏠 Main menu
button-status = 📋 Check status
button-help = ❓ Help
button-language = 🌐 Language
button-back = ⬅️ Back
button-skip = ⏭ Skip
button-cancel = ✖️ Stop for now
button-keep = ✔️ Keep: { $value }
    .whatsapp = ✔️ Keep as it is
button-share-contact = 📱 Send my number
button-yes-correct = ✅ Yes, correct
button-change-answer = ✏️ Change answer
button-amount = { $amount }

status-none = You have not registered yet. It takes about 10 minutes and you can do it bit by bit.
status-draft =
    📝 Your registration is not finished: { $answered } of { $total } items filled in.
    Next: { $next }.
status-next-submit = check the summary and send it for verification
status-submitted =
    ⏳ The registration of { $business } is being checked by { $bureau } staff since { $date }.
    You do not need to do anything now. We will tell you the result here.
status-needs-fix =
    🛠 Your registration needs some fixes.
    Reviewer's note: { $note }

    Please fix the data, then send it again.
status-approved =
    🎉 Congratulations! The registration of { $business } has been approved.
    Your business is now listed as a provider in the e-catalogue.
status-rejected =
    We are sorry, your registration could not be approved.
    Reason: { $note }

    If you have questions, please contact { $contact }.
value-no-note = (no note)
error-internal = Sorry, something went wrong on our side. Your data is safe. Please try again in a moment. 🙏
console-intro = Console chat. Type your answers as in a chat. Type the number in [ ] to press a button. Send a photo with /foto file-path. /keluar to quit.
console-contact-hint = (To send your number, type: /kontak 081234567890)
command-produk = My products
status-products-none = Next step: list the products or services you want to sell to the government.
status-products =
    🛍 Your products:
    { $lines }
status-products-line = • { $status }: { $count }
status-products-fix = 🛠 { $count } products need fixes. Open a product to see the reviewer's note.
status-products-ready = 📤 { $count } product drafts are complete and ready to send.
button-fix-product = 🛠 { $name }
console-file = 📎 File: { $path }
console-file-missing = File not found. Type: /foto path/to/photo.jpg
button-link = 🔗 Already started on WhatsApp/Telegram?
    .whatsapp = 🔗 Already started?
link-ask = Send your phone number with the button below. If you started registering on WhatsApp or Telegram with the same number, we will continue from there.
link-own-number = Please send your own number with the "📱 Send my number" button.
link-none = There is no registration with this number yet. Please start a new registration.
link-conflict = This account already has its own registration, so it cannot be joined automatically. Contact { $contact } for help.
link-done = 🔗 Done! This account is now connected to your registration.

## Typed answers at choice questions and the summary.

button-show-all-choices = 📋 Show all choices
error-answer-needed = This is needed to continue. An estimate is fine; press ❓ Help if unsure.
error-not-an-answer = We cannot save that as the answer. Type the information itself, or press ❓ Help if unsure.
complaint-sorry = Sorry if this feels like a lot. Here is a short guide to this question:
error-choice-several = Several choices are close. Which one do you mean?
error-choice-unmatched = We could not find a choice matching your answer. Please pick one below, or type its name.
error-summary-typed = To change something, press its button or type its name, e.g. "address". Type "submit" when everything is right.
