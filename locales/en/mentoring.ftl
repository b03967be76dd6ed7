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
