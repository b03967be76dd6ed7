## WhatsApp only: list messages (WhatsApp shows at most 10 choices per list).

# The button that opens a list of choices, and the list's heading (at most 20 characters).
whatsapp-choices = See choices
# Text of the second and later lists when there are more than 10 choices.
whatsapp-more-choices = More choices ({ $current } of { $total }):

## WhatsApp only: files over WhatsApp's limits (images 5 MB, documents 100 MB).

whatsapp-image-too-large = The image { $name } ({ $size } MB) is too large for WhatsApp (at most { $limit } MB), so it is not sent here. Please open it on Telegram or ask the staff for it.
whatsapp-document-too-large = The file { $name } ({ $size } MB) is too large for WhatsApp (at most { $limit } MB), so it is not sent here. Please open it on Telegram or ask the staff for it.
whatsapp-file-failed = Sorry, the file { $name } could not be sent on WhatsApp. Please ask for it again in a moment.
