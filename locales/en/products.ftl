## Product listing: the form, "My products", and product cards.

product-started = 🛍 Let's register a new product. Answer one question at a time; everything is saved automatically as a draft.
product-register-first = Before registering a product, please start your business registration first (at least agree to the privacy notice).
product-ask-name =
    What is the name of the product or service you want to sell? Make it clear, including the size or variant.
    Example: Keripik Apel Original 200 gram
product-ask-etalase = Which etalase (catalogue category) does this product belong to?
product-main-etalase = ⭐ { $name }
product-ask-description =
    Write the product description and specifications (20 to 1,500 characters). Government buyers need to know: materials, size/weight, packaging, shelf life or warranty.
    Example: Genuine Batu apple chips without preservatives. Net weight 200 grams, standing pouch packaging, keeps for 6 months.
product-ask-brand =
    What is the product's brand? Press "Skip" if it has no brand.
    Example: Apel Batu Jaya
product-ask-unit = What unit is the product sold in? Choose below, or type another unit.
product-ask-price =
    What is the price per { $unit }? Include tax, if any.
    Example: 15000, 15rb (15 thousand) or Rp 1.250.000
product-ask-price-confirm = The price is { $price } per { $unit }. Is that right?
product-ask-min-order =
    What is the minimum order, in { $unit }?
    Example: 10
product-ask-capacity =
    How many { $unit } can you supply in a month (production capacity or stock)?
    Example: 500
product-ask-domestic = Is this a domestic product (made in Indonesia)?
button-domestic-yes = 🇮🇩 Yes, made in Indonesia
    .whatsapp = 🇮🇩 Yes, domestic
button-domestic-no = No (imported)
product-ask-tkdn =
    If the product has a TKDN (Tingkat Komponen Dalam Negeri, local content level) certificate, what is the percentage? Press "Skip" if you do not have one yet.
    Example: 40
product-ask-sni =
    If the product has an SNI (Indonesian National Standard) or SPPT-SNI certificate, type its number. Press "Skip" if there is none.
    Example: SNI 01-3553-2006
product-ask-kbki =
    If you know the product's KBKI code (Klasifikasi Baku Komoditas Indonesia, commodity code), type it here. Press "Skip" if you do not know it.
    Example: 2391510
product-ask-photos = Send photos of the product ({ $count } of { $max } photos). Bright, clear photos help your product get approved quickly. Send them one at a time, then press "Done".
product-photo-saved = 📷 Photo { $count } of { $max } saved.
product-photos-cleared = All photos have been removed. Please send them again.
button-photos-done = ✅ Done
button-photos-clear = 🔄 Redo photos
error-photo-expected = For this step, please send product photos (at least one), then press "Done".
product-ask-lead-time =
    How many days does delivery take after an order is received? Press "Skip" if you are not sure yet.
    Example: 3

help-product-name = A clear product name helps buyers find it. Mention the type, variant and size. Avoid writing everything in capital letters.
help-product-etalase = An etalase is a category in the catalogue. Your business's main etalase is marked with ⭐.
help-product-description = Write what buyers ask about: materials, size or weight, packaging, colour, shelf life, warranty. You may use several lines.
help-product-brand = The brand is the product's trade name. If the product has no brand, press "Skip".
help-product-unit = The unit is how the product is counted when it is bought: pcs, kg, pack, portion, hour, and so on.
help-product-price = Write the unit price in Rupiah. You can write 15000, 15.000, 15rb (15 thousand), or 1,5 jt (1.5 million).
help-product-price-confirm = Check the price we read. If it is wrong, press "Change answer".
help-product-min-order = The minimum order is the smallest quantity that can be ordered at once.
help-product-capacity = Capacity is the quantity you can supply in a month. Buyers use it to plan their orders.
help-product-domestic = Domestic products are given priority in government procurement. Choose "Yes" if it is made in Indonesia.
help-product-tkdn = TKDN is the percentage of local content, shown on the TKDN certificate from Kemenperin (Ministry of Industry). Our staff will check the certificate.
help-product-sni = SNI is the Indonesian National Standard (Standar Nasional Indonesia). The number is on the SPPT-SNI certificate or the packaging. Our staff will check it.
help-product-kbki = KBKI is the commodity code used by the e-catalogue. If you do not know it, just skip it; our staff can help.
help-product-photos = Send 1 to 5 photos as normal photos (not as files). Use a plain background and bright light.
help-product-lead-time = Delivery time is the number of days from receiving the order until the goods or service are delivered.
help-product-summary = Please check all the product data. Press an item to change it. If everything is correct, send it for verification.

product-field-name = Product name
product-field-etalase = Etalase (category)
product-field-description = Description
product-field-brand = Brand
product-field-unit = Unit
product-field-price = Price
product-field-min-order = Minimum order
product-field-capacity = Capacity
product-field-domestic = Domestic product
product-field-tkdn = TKDN
product-field-sni = SNI
product-field-kbki = KBKI
product-field-photos = Photos
product-field-lead-time = Delivery time

value-price = { $price } per { $unit }
value-quantity = { $count } { $unit }
value-capacity = { $count } { $unit } per month
value-domestic-yes = Yes
value-domestic-no = No (imported)
value-tkdn = { $percent } (not checked yet)
value-photos = { $count } photo(s)
value-days = { $count } day(s)

product-status-draft = 📝 Draft
product-status-submitted = ⏳ Submitted
product-status-needs-fix = 🛠 Needs fixes
product-status-approved = ✅ Approved
product-status-rejected = ❌ Rejected

product-summary-title = 📦 Product summary ({ $status })
product-summary-hint = Press an item you want to change. If everything is correct, send it for verification.
product-paused = 💾 Draft "{ $name }" is saved. Continue any time.
product-saved-draft = 💾 Draft "{ $name }" is saved. You can send it later from "My products".
product-submitted = 🎉 Product "{ $name }" has been sent for verification.
products-submitted = 🎉 { $count } product(s) sent for verification.
product-not-editable = That product is being checked or is already finished, so it cannot be changed now.
product-not-found = That product was not found.
product-duplicated = 📄 A copy has been made as a new draft. Change what you need, then send it.
product-delete-confirm = Delete draft "{ $name }"? This cannot be undone.
product-deleted = 🗑 Draft "{ $name }" has been deleted.
product-action-unavailable = That action is not available for this product.
product-card-title = 📦 { $name } ({ $status })
products-title = 🛍 My products: { $total } product(s) (page { $page } of { $pages }). Choose a product to view or change it.
products-empty = You do not have any products yet. Register your first product!
product-list-entry = { $number }. { $name } · { $status }
welcome-back-product = Welcome back! 😊 Your product draft "{ $name }" is not finished yet. Continue now?

button-add-product = ➕ Add product
button-add-another-product = ➕ Add another product
button-my-products = 🛍 My products
button-continue-product = ▶️ Continue product
button-save-draft = 💾 Save as draft
    .whatsapp = 💾 Save draft
button-submit-all = 📤 Send all ready products ({ $count })
    .whatsapp = 📤 Send all ({ $count })
button-previous-page = « Previous
button-next-page = Next »
button-edit-product = ✏️ Edit
button-duplicate-product = 📄 Duplicate
button-delete-product = 🗑 Delete
button-delete-yes = 🗑 Yes, delete
button-delete-no = Cancel

error-product-delete-not-draft = Only drafts can be deleted.
error-product-registration-first = Products can be sent after your business registration has been sent. Please finish your business registration first with /daftar.
error-product-incomplete = Required product items not filled in yet: { $count }.
error-product-locked = This product is being checked or is already finished, so it cannot be changed now.
product-review-note = 💬 Reviewer's note: { $note }

error-photo-too-large = The photo is too large. At most { $max_mb } MB; send it as a normal photo (not as a file) so it is made smaller automatically.
error-photo-too-large-pixels = The picture is too large. Send it as a normal photo so it is made smaller automatically.
error-photo-type = This file is not a photo. Send a product photo in JPG, PNG or WEBP format.
error-min-order-above-capacity = The minimum order cannot be more than the monthly capacity ({ $capacity }).
error-capacity-below-min-order = The monthly capacity cannot be less than the minimum order ({ $min_order }).
error-tkdn-not-domestic = TKDN only applies to domestic products.
error-photo-limit = There are already { $max } photos, the maximum. Press "Done" or "Redo photos".
help-product-min-order-confirm = Check the quantity we read from your answer, in the product's unit. If it is wrong, press "Change answer" or type the number in digits.
help-product-capacity-confirm = Check the capacity per month we worked out from your answer (a day times 30, a week times 52/12). If it is wrong, press "Change answer".
help-product-tkdn-confirm = Check the TKDN percentage we read. If it is wrong, press "Change answer".
help-product-lead-time-confirm = Check the number of days we read (a week is 7 days, a month 30). If it is wrong, press "Change answer".
product-ask-min-order-confirm = Do you mean a minimum order of { $value }? (from "{ $typed }")
product-ask-capacity-confirm = Do you mean you can supply { $value }? (from "{ $typed }")
product-ask-tkdn-confirm = Do you mean a TKDN of { $value }? (from "{ $typed }")
product-ask-lead-time-confirm = Do you mean delivery within { $value }? (from "{ $typed }")
