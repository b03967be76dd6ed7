## Bureau review: queue, review cards, decisions, roles, and what the vendor is told.

review-queue-empty = 🎉 The queue is empty. No submissions are waiting for verification.
review-queue-title = 📥 Verification queue: { $vendors } business registrations, { $products } products (page { $page } of { $pages }). The longest waiting are at the top.
review-entry-vendor = 🏪 { $name } · { $days } days
review-entry-product = 📦 { $name } ({ $vendor }) · { $days } days
review-item-missing = That submission was not found.
review-vendor-title = 🏪 Business registration no. { $id }: { $name } ({ $status })
review-product-title = 📦 Product: { $name } from { $vendor } ({ $status })
review-no-flags = ✅ No automatic flags. Still check the data against the documents.
review-flags =
    ⚠️ To check:
    { $lines }
review-flag-kbli-mismatch = • KBLI { $codes } does not match the chosen etalase.
review-flag-no-nib = • No NIB yet.
review-flag-duplicate-nik = • The same NIK is also used by: { $names }.
review-flag-duplicate-nib = • The same NIB is also used by: { $names }.
review-flag-duplicate-phone = • The same phone number is also used by: { $names }.
review-flag-price-far = • Price is far from the median price of this etalase: Rp{ $median }.
review-flag-tkdn-claim = • TKDN is the provider's claim: check it against the TKDN certificate.
review-flag-sni-claim = • SNI is the provider's claim: check it against the SPPT-SNI certificate.
button-review-approve = ✅ Approve
button-review-fix = 🛠 Needs fixes
button-review-reject = ❌ Reject
button-review-history = 📜 History
button-review-queue = 📥 Queue
review-approve-confirm = Approve this submission? The provider will be notified right away.
button-review-approve-yes = ✅ Yes, approve
review-ask-fields = Which data needs fixing? Tap to select (more than one is fine), then tap "Next".
review-field-toggle = { $on ->
        [yes] ☑️ { $label }
       *[no] ⬜ { $label }
    }
button-review-next = Next ➡️
review-ask-reason = Choose a reason, or type your own note:
review-note-hint = You may add a note for the provider: just type it. Or send right away.
review-confirm =
    Decision: { $decision ->
        [approved] ✅ Approved
        [needs_fix] 🛠 Needs fixes
       *[rejected] ❌ Rejected
    }
    Data to fix:
    { $fields }
    Reason: { $reason }
    Note: { $note }
button-review-send = 📨 Send decision
review-decided = { $decision ->
        [approved] ✅ Approved.
        [needs_fix] 🛠 Returned for fixes.
       *[rejected] ❌ Rejected.
    } The provider has been notified.
button-review-next-item = ➡️ Next submission
    .whatsapp = ➡️ Next
review-already-decided = This submission was already decided by { $by } (current status: { $status ->
        [approved] approved
        [needs_fix] needs fixes
        [rejected] rejected
       *[other] { $status }
    }).
review-history =
    📜 History:
    { $lines }
review-history-line = • { $when }: { $status }, by { $by }{ $note }
review-history-vendor = provider
review-history-note = . { $text }
error-review-note-required = Choose a reason or write a note first.
error-review-fields-required = Select at least one item to fix.

reason-nib-invalid = Invalid NIB
reason-photo-unclear = Photo is not clear
reason-price-unreasonable = Unreasonable price
reason-kbli-mismatch = KBLI does not match the etalase
    .whatsapp = KBLI ≠ etalase
reason-data-mismatch = Data does not match the documents
    .whatsapp = Data ≠ documents
reason-spec-incomplete = Incomplete specifications
    .whatsapp = Specs incomplete
reason-duplicate = Registered twice

role-usage =
    How to use /peran:
    • /peran tambah <Telegram id> verifikator
    • /peran cabut <Telegram id> verifikator
    • /peran tambah <Telegram id> verifikator kota malang (a role for one kabupaten/kota; without a name: your whole area)
    Roles: superadmin, verifikator, pendamping (also: add/remove, reviewer/mentor). You can also reply to a message forwarded from the person: /peran tambah pendamping
    Without an id: /peran undang verifikator kota malang makes an invitation link. Staff without Telegram are named by their WhatsApp number: /peran cabut +6281234567890 verifikator
role-changed = { $action ->
        [granted] ✅ The { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    } role was given to { $user }.
       *[revoked] ✅ The { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    } role was taken from { $user }.
    }
role-you-granted =
    🎉 You are now a { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    } here.
    Your tools are on the buttons below and in the command menu (the / or ☰ button next to the typing field). Type /bantuan to see every command.
role-you-revoked = Your { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    } role has been removed. Your command menu has been updated.
error-role-already = That user already has the { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    } role.
error-role-missing = That user does not have the { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    } role.

notify-vendor-approved =
    🎉 Congratulations! The business registration of { $name } has been approved.
    Next step: list the products or services you want to sell.
notify-product-approved = 🎉 The product "{ $name }" has been approved and is ready to appear in the catalogue.
notify-vendor-needs-fix =
    🛠 The business registration of { $name } needs some fixes.
    What needs fixing:
    { $fields }
    Reviewer's note: { $why }

    Press the button below to fix it, then send it again.
notify-product-needs-fix =
    🛠 The product "{ $name }" needs some fixes.
    What needs fixing:
    { $fields }
    Reviewer's note: { $why }

    Press the button below to fix it, then send it again.
notify-vendor-rejected =
    We are sorry, the business registration of { $name } could not be approved.
    Reason: { $why }
    If you have questions, type /bantuan.
notify-product-rejected =
    We are sorry, the product "{ $name }" could not be approved.
    Reason: { $why }
notify-why-both = { $reason }. { $note }
button-fix-now = 🛠 Fix now
fix-intro = { $count } items need fixing. Let's start with the first one.
bullet = • { $text }
role-staff =
    👥 Staff and their roles:
    { $lines }
role-staff-line = • { $name } ({ $user }): { $role ->
        [superadmin] superadmin
        [reviewer] reviewer
       *[mentor] mentor
    }

staff-announce-vendor = 📥 New registration waiting for review: { $business } (no. { $number })
staff-announce-product = 📥 New product waiting for review: { $name } from { $business } (no. { $number })
staff-announce-products = 📥 { $count } new products from { $business } waiting for review
button-open-review-card = Open the review card
    .whatsapp = Open card
button-open-review-queue = Open the queue
review-queue-unit = 🏛 { $unit }
role-unit = For the unit: { $unit }.
role-staff-whatsapp = WhatsApp { $number }
error-staff-whatsapp-unknown = No WhatsApp user has the number { $number }. Write the number as /peran lists it, e.g. +6281234567890.
role-staff-line-unit = • { $name } ({ $user }): { $role ->
        [superadmin] superadmin
        [reviewer] reviewer
       *[mentor] mentor
    }, { $unit }
error-unit-unknown = There is no unit "{ $unit }" in this service. Write the full kabupaten/kota name (for example: kota malang or kab malang) or its code (for example: 35.73).
error-mentor-other-unit = That mentor is not a mentor in this business's kabupaten/kota. Give them the role for this unit first: /peran tambah <Telegram id> pendamping <kabupaten/kota>.

## Invitations to a staff role (/peran undang), opened by link on Telegram or WhatsApp.
invite-usage =
    How to invite staff:
    • /peran undang verifikator kota malang (the role and kabupaten/kota; without a name: your unit)
    • /peran undangan (open invitations, and withdrawing them)
    Roles: superadmin, verifikator, pendamping.
invite-created =
    ✉️ An invitation as { $role } for { $unit } is ready. It is valid until { $until } and can be used once.
    Telegram: { $telegram }
    WhatsApp: { $whatsapp }
    Give the person the link or the QR code. On WhatsApp they can also send this message to the bot: { $code }
button-invitations = 📋 Open invitations
invite-list =
    ✉️ Open invitations:
    { $lines }
invite-line = • No. { $number }: { $role }, { $unit }, valid until { $until }
button-invite-withdraw = ✖️ Withdraw no. { $number }
invite-withdrawn = ✖️ Invitation no. { $number } is withdrawn. Its link no longer works.
invite-offer = ✉️ { $inviter } invites you to be { $role } for { $unit }. Accept this role?
button-invite-accept = ✅ Accept the role
button-invite-decline = No, thank you
invite-already = You already have the { $role ->
        [mentor] mentor
        [reviewer] reviewer
       *[superadmin] superadmin
    } role. The invitation was not used.
invite-declined = All right, the invitation was not used. Its link still works until it expires.
invite-taken = ✅ Invitation no. { $number } ({ $role }, { $unit }) was taken by { $user } on { $channel ->
        [whatsapp] WhatsApp
       *[telegram] Telegram
    }.
error-invitation-invalid = This invitation was already used, withdrawn or has expired. Please ask a superadmin for a new one.
error-invitation-unknown = That invitation does not exist, or was already used, withdrawn or has expired.
