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
    • /daftar: start or continue your registration
    • /status: check your registration status and the next step
    • /produk: list and add your products
    • /pendamping: write to your UMKM mentor
    • /datasaya: see the personal data we keep; /hapusdata: erase it
    • /batal: take a break (your data stays saved)
    • /bahasa: change language
    • /bantuan: this message

    You can also just type, for example "check status" or "register".
    Need a person? Contact { $contact }.
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

error-prefix = ❗ { $text }
error-unknown-command = We do not know that command.
error-stale-button = That button is no longer valid. Please use the latest message.
error-unsupported = Sorry, we cannot process this kind of message yet. Please type your answer or press a button.
error-use-buttons = Please choose one of the buttons below.
error-media-unexpected = For this question, please type your answer (not a photo or file).
error-contact-unexpected = For this question, please type your answer (not a contact).
error-choice = That option is not available. Please choose one of the buttons below.
error-transition = The status cannot change from { $current } to { $target }.

label-plain = { $text }
step-progress = Step { $current } of { $total }

button-register = 📝 Register now
button-continue-registration = ▶️ Continue registration
button-fix-registration = 🛠 Fix my data
button-main-menu = 🏠 Main menu
button-status = 📋 Check status
button-help = ❓ Help
button-language = 🌐 Language
button-back = ⬅️ Back
button-skip = ⏭ Skip
button-cancel = ✖️ Stop for now
button-keep = ✔️ Keep: { $value }
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
console-file-missing = File not found. Type: /foto path/to/photo.jpg
button-link = 🔗 Already started on WhatsApp/Telegram?
link-ask = Send your phone number with the button below. If you started registering on WhatsApp or Telegram with the same number, we will continue from there.
link-own-number = Please send your own number with the "📱 Send my number" button.
link-none = There is no registration with this number yet. Please start a new registration.
link-conflict = This account already has its own registration, so it cannot be joined automatically. Contact { $contact } for help.
link-done = 🔗 Done! This account is now connected to your registration.

## Typed answers at choice questions and the summary.

button-show-all-choices = 📋 Show all choices
error-answer-needed = This is needed to continue. An estimate is fine; press ❓ Help if unsure.
error-choice-several = Several choices are close. Which one do you mean?
error-choice-unmatched = We could not find a choice matching your answer. Please pick one below, or type its name.
error-summary-typed = To change something, press its button or type its name, e.g. "address". Type "submit" when everything is right.
