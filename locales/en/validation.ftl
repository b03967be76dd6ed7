## Validation errors for the vendor registration answers (models/validators).

error-person-name = We cannot accept that name. Please type the full name as on the KTP, letters only, no numbers. Example: Siti Aminah
error-nik-length = A NIK has 16 digits, but yours has { $count ->
        [one] { $count } digit
       *[other] { $count } digits
    }. Example: 3579014101850001
error-nik-province = The first two digits of the NIK are not a province code. Please check the NIK on your KTP. Example: 3579014101850001
error-nik-region = Digits 3 to 6 of the NIK are not right. Please check the NIK on your KTP. Example: 3579014101850001
error-nik-date = The date of birth inside the NIK (digits 7 to 12) is not right. Please check the NIK on your KTP. Example: 3579014101850001
error-nik-serial = The last four digits of a NIK cannot be 0000. Please check the NIK on your KTP. Example: 3579014101850001
error-nib = A NIB has 13 digits, but yours has { $count ->
        [one] { $count } digit
       *[other] { $count } digits
    }. Example: 1234567890123
error-kbli-format = "{ $code }" is not a KBLI code. A KBLI code has 5 digits. Example: 10792, 47111
error-kbli-division = KBLI code { $code } does not exist in KBLI 2020. Please check the KBLI list on your NIB. Example: 10792
error-kbli-too-many = You sent { $count } KBLI codes; the maximum is { $limit }. Please send only the main ones. Example: 10792, 47111
error-kbli-empty = Please send at least one KBLI code (5 digits), separated by commas if there are several. Example: 10792, 47111
error-npwp = An NPWP has 15 or 16 digits, but yours has { $count ->
        [one] { $count } digit
       *[other] { $count } digits
    }. Example: 01.234.567.8-901.000
error-phone-invalid = That phone number is not right. Please type a mobile number starting with 08 or +62. Example: 081234567890
error-phone-not-indonesian = Please use an Indonesian mobile number, starting with 08 or +62. Example: 081234567890
error-phone-not-mobile = That is a landline number. Please send a mobile number starting with 08. Example: 081234567890
error-email = That e-mail address is not right. Example: keripikapel@gmail.com
error-business-name = The business name must be 2 to 100 characters and contain a letter or digit. Example: Keripik Apel Bu Sri
error-address = The address is incomplete. Please give the street, number and RT/RW in 10 to 200 characters. Example: Jl. Diponegoro No. 12, RT 02/RW 05
error-money = Please type the amount in rupiah, using digits. Example: 15.000 or 1,5 juta
error-money-fraction = A rupiah amount cannot have a fraction. If you mean thousands or millions, add the unit. Example: 1,5 juta
error-money-range = { -one-number }, not a range. An estimate is fine. Example: 15 juta
error-money-period = Please give one period only: per day, per week, per month or per year. Example: 25 juta per bulan
error-money-ambiguous = That amount can be read in more than one way. Please choose the amount you meant, or type it again with dots between thousands. Example: 15.000
error-money-too-large = That amount is too large: at most { $max }. Please check the number of zeros. Example: 15.000 or 1,5 juta

## Product listing answers.

error-product-name = The product name must be 3 to 120 characters. Example: Original Apple Chips 200 gram
error-description-short = The description is too short ({ $count } characters). Write at least { $min } characters: ingredients, size, weight, packaging or what makes the product good.
error-description-long = The description is too long ({ $count } characters). At most { $max } characters; keep the most important points.
error-brand = Write the product's brand in a few words. Example: Apel Batu Jaya
error-unit = Write the unit in one or two words. Example: pcs, kg, package
error-quantity = Write the quantity as a whole number. Example: 10 or 1,000
error-tkdn = Write the TKDN percentage as a number from 0 to 100. Example: 40 or 40.5%
error-sni = Write the SNI standard or SPPT-SNI certificate number. Example: SNI 01-3553-2006
error-kbki = A KBKI code has 5 to 10 digits. Example: 2391510
error-lead-time = Write the delivery time in days, as a number from 0 to 365. Example: 3

## Reading typed answers (shared by every step).

-one-number = Please type a single number
error-one-number = { -one-number }. If there are several, type the main one.
error-quantity-range = { -one-number }, not a range. An estimate is fine. Example: 100
error-lead-time-range = { -one-number }, not a range: type the longest. Example: 3
error-nik-no-number = A NIK is 16 digits, as on the KTP. Example: 3579014101850001
error-nib-no-number = An NIB is 13 digits, as on the NIB sheet from OSS. If you have none yet, choose "No NIB yet". Example: 9120001234567
error-npwp-no-number = An NPWP is written in digits (15 or 16). If you have none, choose "Skip". Example: 01.234.567.8-901.000
