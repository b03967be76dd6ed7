## Broadcasts (/siaran): a superadmin sends one message to every business or to one group,
## then follows its delivery with /siaran status.

broadcast-ask-segment = 📢 Broadcast to businesses. Who should get this message?
broadcast-all = 👥 All businesses ({ $count })
    .whatsapp = 👥 Everyone ({ $count })
broadcast-by-status = By registration status
    .whatsapp = By status
broadcast-by-etalase = By etalase
broadcast-by-kecamatan = By kecamatan
broadcast-by-unit = By kabupaten/kota
broadcast-ask-group = Choose the group. The number in brackets is how many businesses are in it.
broadcast-option = { $label } ({ $count })
broadcast-nobody = There are no businesses in this group yet.
broadcast-ask-text =
    ✍️ Type the message for { $count ->
        [one] one business
       *[other] { $count } businesses
    } ({ $segment }).
    It is sent exactly as you type it, under the heading "Announcement from { $bureau }".
broadcast-text-too-long = The message is too long ({ $length } characters). At most { $limit } characters.
broadcast-use-text = Please type the message as plain text.
broadcast-preview = 👀 Preview: this is the message businesses will get.
broadcast-confirm = Send it to { $count ->
        [one] one business
       *[other] { $count } businesses
    } ({ $segment }) now? To change it, just type the new message.
broadcast-queued = ✅ The broadcast is queued for { $count ->
        [one] one business
       *[other] { $count } businesses
    } and goes out gradually, within Telegram's limits. Check its progress with /siaran status.
broadcast-cancelled = Broadcast cancelled. No message was sent.
broadcast-help = A broadcast sends one message to many businesses at once, on the app each of them used last (Telegram or WhatsApp). Choose who gets it, type the message, check the preview, then press "Send now". Type /batal to stop.
broadcast-message =
    📢 Announcement from { $bureau }

    { $text }
broadcast-progress = 📢 Last broadcast ({ $date }, to { $segment }): { $sent } of { $total } sent.
broadcast-progress-waiting = ⏳ Still queued: { $count }
broadcast-progress-failed = ❌ Failed: { $count } (for example, the bot was blocked or the number is inactive)
broadcast-progress-unknown = ❔ Uncertain: { $count }. The connection broke while these were being sent, so they may have arrived. So that nobody gets a message twice, they are not resent automatically.
broadcast-progress-none = You have not sent a broadcast yet. Start one with /siaran.
broadcast-segment-all = all businesses
broadcast-segment-status = status { $value }
broadcast-segment-etalase = etalase { $value }
broadcast-segment-kecamatan = Kecamatan { $value }
broadcast-segment-unit = { $value }
button-broadcast-send = 📢 Send now
button-broadcast-edit = ✏️ Change the message
button-broadcast-cancel = ✖️ Cancel
